"""`manage.py generate_content --networks N`: N more network pages (through the factories:
the programme has had a few hundred networks in all, so there is no bulk path)."""

from urbact_portal.factories import ensure_home_page
from urbact_portal.generate import TOPICS, Generator

from .factories import network_index, network_page
from .models import NetworkIndexPage, NetworkPage


def build(count: int, options: dict) -> int:
    index = NetworkIndexPage.objects.first() or network_index(ensure_home_page())
    start = NetworkPage.objects.count()
    for number in range(start + 1, start + count + 1):
        topic = TOPICS[number % len(TOPICS)][0]
        network_page(
            index,
            title=f"Preizkusno omrežje {number}",
            slug=f"preizkusno-omrezje-{number}",
            summary=f"Omrežje mest, ki se ukvarjajo s temo: {topic}.",
        )
    return count


GENERATOR = Generator(
    name="networks", option="networks", help="network pages", build=build, after=("cities",)
)
