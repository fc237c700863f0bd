"""Retention: contact messages are kept CONTACT_RETENTION_MONTHS months, then deleted."""

import calendar
from datetime import datetime

from django.utils import timezone

from .submissions import ContactSubmission


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when
    that day does not exist, e.g. 31 March minus one month is 28 or 29 February)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def expired_submissions(months: int, now: datetime | None = None):
    cutoff = months_before(now or timezone.now(), months)
    return ContactSubmission.objects.filter(submit_time__lt=cutoff), cutoff
