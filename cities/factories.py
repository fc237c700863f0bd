"""Factories of the city pages (see urbact_portal/factories.py)."""

from urbact_portal.factories import create_page, sequence_number

from .choices import Region
from .models import CityIndexPage, CityPage


def city_index(home, **fields):
    fields.setdefault("title", "Mesta")
    fields.setdefault("slug", "mesta")
    fields.setdefault("title_en", "Cities")
    fields.setdefault("slug_en", "cities")
    return create_page(home, CityIndexPage, **fields)


def city_page(index, title=None, **fields):
    title = title or f"Mesto {sequence_number()}"
    fields.setdefault("region", Region.OSREDNJESLOVENSKA)
    fields.setdefault("intro", f"Uvod o mestu {title}.")
    return create_page(index, CityPage, title=title, **fields)
