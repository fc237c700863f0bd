"""`manage.py generate_content --cities N`: N more city pages (through the factories: a few
dozen at most are realistic, so there is no bulk path)."""

from urbact_portal.factories import ensure_home_page
from urbact_portal.generate import Generator

from .factories import city_index, city_page
from .models import CityIndexPage, CityPage


def build(count: int, options: dict) -> int:
    index = CityIndexPage.objects.first() or city_index(ensure_home_page())
    start = CityPage.objects.count()
    for number in range(start + 1, start + count + 1):
        city_page(index, title=f"Preizkusno mesto {number}", slug=f"preizkusno-mesto-{number}")
    return count


GENERATOR = Generator(name="cities", option="cities", help="city pages", build=build)
