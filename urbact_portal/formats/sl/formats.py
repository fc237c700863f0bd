# Slovene writes the month in the genitive after the day: "25. novembra 2026".
# Django's "E" is the alternative (genitive) month name; our locale/sl catalogue supplies
# the Slovene genitive forms under the "alt. month" context that Django's own lacks.
DATE_FORMAT = "j. E Y"
SHORT_DATE_FORMAT = "j. n. Y"
DATETIME_FORMAT = "j. E Y, H:i"
SHORT_DATETIME_FORMAT = "j. n. Y H:i"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d. %m. %Y", "%Y-%m-%d"]
