"""When an event takes place, as Slovene (and English) readers write it.

Slovene: "12. marca 2027 ob 10.00", "12. marca 2027 od 10.00 do 12.00", "12.–14. marca 2027",
"30. marca – 2. aprila 2027", "30. decembra 2026 – 2. januarja 2027". English: "12 March
2027 at 10:00", "12–14 March 2027", "30 March – 2 April 2027".

Full dates use the site's DATE_FORMAT (urbact_portal/formats: the Slovene month in the
genitive, from urbact_portal/dates.py); the pieces of a range and the time are formats
translated here, so each language writes them its own way."""

from django.utils import formats
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def full_date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def time_of_day(value) -> str:
    # Translators: a time of day (Django date format characters); Slovene writes "10.00".
    return date_format(value, pgettext("time of day format", "H:i"))


def date_range(first, last) -> str:
    """The days from `first` to `last` (dates), the shared month and year written once."""
    if last is None or last <= first:
        return full_date(first)
    end = full_date(last)
    if (first.year, first.month) == (last.year, last.month):
        # Translators: the first day of a range within one month ("12." in "12.–14. marca").
        start = date_format(first, pgettext("first day of a range in one month", "j"))
        return f"{start}–{end}"
    if first.year == last.year:
        # Translators: day and month of a range's first day ("30. E" gives "30. marca").
        start = date_format(first, pgettext("first day of a range in one year", "j F"))
        return f"{start} – {end}"
    return f"{full_date(first)} – {end}"


def when(start_date, start_time=None, end_date=None, end_time=None) -> str:
    """An event's dates and times in one phrase."""
    last = end_date if end_date and end_date > start_date else None
    if start_time is None:
        return date_range(start_date, last)
    if last is None:
        if end_time and end_time > start_time:
            return _("%(date)s, from %(start)s to %(end)s") % {
                "date": full_date(start_date),
                "start": time_of_day(start_time),
                "end": time_of_day(end_time),
            }
        return _("%(date)s at %(time)s") % {
            "date": full_date(start_date),
            "time": time_of_day(start_time),
        }
    start = _("%(date)s at %(time)s") % {
        "date": full_date(start_date),
        "time": time_of_day(start_time),
    }
    end = full_date(last)
    if end_time:
        end = _("%(date)s at %(time)s") % {"date": end, "time": time_of_day(end_time)}
    return f"{start} – {end}"
