"""Factories of the event pages (see urbact_portal/factories.py)."""

from datetime import date

from urbact_portal.factories import create_page, sequence_number

from .models import EventIndexPage, EventPage


def event_index(home, **fields):
    fields.setdefault("title", "Dogodki")
    fields.setdefault("slug", "dogodki")
    fields.setdefault("title_en", "Events")
    fields.setdefault("slug_en", "events")
    return create_page(home, EventIndexPage, **fields)


def event_page(index, title=None, *, themes=(), cities=(), networks=(), **fields):
    title = title or f"Dogodek {sequence_number()}"
    fields.setdefault("summary", f"Kratek povzetek dogodka {title}.")
    fields.setdefault("start_date", date(2027, 3, 12))
    return create_page(
        index,
        EventPage,
        title=title,
        m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
        **fields,
    )
