"""iCalendar (RFC 5545) files of events, written with the icalendar library.

- Timed events: DTSTART/DTEND with TZID=Europe/Ljubljana and the VTIMEZONE that defines it
  (for the years the calendar's events need), so calendar programs show the right hour in
  summer and winter time.
- All-day events: DATE values, DTEND the day after the last day (RFC 5545: exclusive).
- UID: event-<page id>@<the site's host name>, the same in every file and language and for
  as long as the page exists, so a subscribed calendar updates an event instead of adding
  it twice.
- DTSTAMP and LAST-MODIFIED: the page's last publication, so an unchanged event gives an
  unchanged file."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//IPoP//URBACT Slovenija//SL"
# How often subscribed calendars should fetch the feed again.
REFRESH = timedelta(hours=6)


def site_host(site, request) -> str:
    """The host name UIDs are made with: the Wagtail site's, not whatever Host the request
    came with (an address behind a proxy, an IP)."""
    host = getattr(site, "hostname", "") or request.get_host().split(":")[0]
    return host.lower()


def event_uid(page, host) -> str:
    return f"event-{page.pk}@{host}"


def _stamp(page):
    value = page.last_published_at or page.latest_revision_created_at or timezone.now()
    return value.astimezone(UTC).replace(microsecond=0)


def _description(page, url) -> str:
    parts = [page.summary.strip()] if page.summary else []
    if page.online and page.online_url:
        parts.append(_("Join online: %(url)s") % {"url": page.online_url})
    if page.registration_url:
        line = _("Registration: %(url)s") % {"url": page.registration_url}
        parts.append(line)
    parts.append(_("More: %(url)s") % {"url": url})
    return "\n\n".join(parts)


def _location(page) -> str:
    if page.in_person:
        return ", ".join(p for p in (page.venue, page.street_address, page.postal_line()) if p)
    return page.online_url or str(_("Online"))


def _times(page):
    """(DTSTART, DTEND or None) of an event."""
    if page.all_day:
        return page.start_date, page.last_day + timedelta(days=1)
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(page.start_date, page.start_time, tzinfo=zone)
    if page.end_time:
        return start, datetime.combine(page.last_day, page.end_time, tzinfo=zone)
    if page.multi_day:
        return start, datetime.combine(page.last_day + timedelta(days=1), datetime.min.time(), zone)
    return start, None


def vevent(page, *, url, host):
    start, end = _times(page)
    event = Event.new(
        uid=event_uid(page, host),
        summary=page.title,
        start=start,
        end=end,
        stamp=_stamp(page),
        last_modified=_stamp(page),
        description=_description(page, url),
        location=_location(page) or None,
        url=url,
        categories=[page.kind_label] if page.kind_label else (),
    )
    event.add("status", "CONFIRMED")
    event.add("class", "PUBLIC")
    event.add("transp", "TRANSPARENT" if page.all_day else "OPAQUE")
    return event


def calendar(pages, *, urls, host, name, description=None, refresh=False):
    """A calendar of `pages` (specific EventPages); `urls` maps each page's pk to its
    absolute address."""
    cal = Calendar.new(
        prodid=PRODID,
        name=name,
        description=description,
        uid=f"events-{get_language()}@{host}",
        language=get_language(),
        refresh_interval=REFRESH if refresh else None,
    )
    cal.add("method", "PUBLISH")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    if refresh:
        cal.add("x-published-ttl", REFRESH)
    for page in pages:
        cal.add_component(vevent(page, url=urls[page.pk], host=host))
    timed = [page for page in pages if not page.all_day]
    if timed:
        # A VTIMEZONE covering the years of the events (not 1970–2038: a smaller file).
        first = min(page.start_date for page in timed)
        last = max(page.last_day for page in timed)
        cal.add_missing_timezones(
            first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1)
        )
    return cal
