"""Factories of the network and good practice pages (see urbact_portal/factories.py)."""

from urbact_portal.factories import create_page, sequence_number
from urbact_portal.programme import Period

from .choices import NetworkType, ParticipantRole
from .models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkParticipant,
    NetworkPartner,
)


def network_index(home, **fields):
    fields.setdefault("title", "Omrežja")
    fields.setdefault("slug", "omrezja")
    fields.setdefault("title_en", "Networks")
    fields.setdefault("slug_en", "networks")
    return create_page(home, NetworkIndexPage, **fields)


def network_page(
    index, title=None, *, cities=(), participants=(), themes=(), partners=(), **fields
):
    """`cities`: CityPages taking part as partners. `participants`: dicts of
    NetworkParticipant fields (city_page, optional role, organisation). `partners`: dicts of
    partners from abroad (city_name, country). Participants and partners keep their order."""
    title = title or f"Omrežje {sequence_number()}"
    fields.setdefault("summary", f"Povzetek omrežja {title}.")
    fields.setdefault("network_type", NetworkType.ACTION_PLANNING)
    fields.setdefault("period", Period.URBACT_III)
    fields.setdefault("start_year", 2015)
    fields.setdefault("end_year", 2018)
    rows = [{"city_page": city} for city in cities] + list(participants)
    return create_page(
        index,
        NetworkPage,
        title=title,
        participants=participant_rows(rows),
        partners=[
            partner
            if isinstance(partner, NetworkPartner)
            else NetworkPartner(sort_order=order, **partner)
            for order, partner in enumerate(partners)
        ],
        m2m={"themes": themes},
        **fields,
    )


def participant_rows(rows):
    """Unsaved NetworkParticipant objects for a page's `participants`, in order; `rows`
    holds dicts of fields (role defaults to partner) or NetworkParticipant objects."""
    return [
        row
        if isinstance(row, NetworkParticipant)
        else NetworkParticipant(sort_order=order, **{"role": ParticipantRole.PARTNER, **row})
        for order, row in enumerate(rows)
    ]


def good_practice_index(home, **fields):
    fields.setdefault("title", "Dobre prakse")
    fields.setdefault("slug", "dobre-prakse")
    fields.setdefault("title_en", "Good practices")
    fields.setdefault("slug_en", "good-practices")
    return create_page(home, GoodPracticeIndexPage, **fields)


def good_practice_page(index, title=None, *, themes=(), **fields):
    title = title or f"Dobra praksa {sequence_number()}"
    fields.setdefault("summary", f"Povzetek dobre prakse {title}.")
    fields.setdefault("city_name", "Ljubljana")
    fields.setdefault("country", "SI")
    return create_page(index, GoodPracticePage, title=title, m2m={"themes": themes}, **fields)
