"""Slovene writes a date's month in the genitive ("25. novembra 2026"). Django formats the
genitive through the "E" format character, whose names are the "alt. month" translations.
Django's own Slovene catalogue lacks them; listing them here puts them in ours (locale/sl)."""

from django.utils.translation import pgettext_lazy

MONTHS_GENITIVE = {
    1: pgettext_lazy("alt. month", "January"),
    2: pgettext_lazy("alt. month", "February"),
    3: pgettext_lazy("alt. month", "March"),
    4: pgettext_lazy("alt. month", "April"),
    5: pgettext_lazy("alt. month", "May"),
    6: pgettext_lazy("alt. month", "June"),
    7: pgettext_lazy("alt. month", "July"),
    8: pgettext_lazy("alt. month", "August"),
    9: pgettext_lazy("alt. month", "September"),
    10: pgettext_lazy("alt. month", "October"),
    11: pgettext_lazy("alt. month", "November"),
    12: pgettext_lazy("alt. month", "December"),
}
