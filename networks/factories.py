"""Factories of the network and good practice pages (see urbact_portal/factories.py)."""

from urbact_portal.factories import create_page, sequence_number
from urbact_portal.programme import Period

from .choices import NetworkType
from .models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NetworkIndexPage,
    NetworkPage,
    NetworkPartner,
)


def network_index(home, **fields):
    fields.setdefault("title", "Omrežja")
    fields.setdefault("slug", "omrezja")
    fields.setdefault("title_en", "Networks")
    fields.setdefault("slug_en", "networks")
    return create_page(home, NetworkIndexPage, **fields)


def network_page(index, title=None, *, cities=(), themes=(), partners=(), **fields):
    """`partners` is a list of dicts: city_name, country, optional city_page."""
    title = title or f"Omrežje {sequence_number()}"
    fields.setdefault("summary", f"Povzetek omrežja {title}.")
    fields.setdefault("network_type", NetworkType.ACTION_PLANNING)
    fields.setdefault("period", Period.URBACT_III)
    fields.setdefault("start_year", 2015)
    fields.setdefault("end_year", 2018)
    page = create_page(
        index,
        NetworkPage,
        title=title,
        m2m={"slovenian_cities": cities, "themes": themes},
        **fields,
    )
    if partners:
        for order, partner in enumerate(partners):
            NetworkPartner.objects.create(network=page, sort_order=order, **partner)
        page.save_revision().publish()
    return page


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
