"""`manage.py generate_content --events N`: N more events (through the factories)."""

from datetime import date, timedelta

from urbact_portal.factories import ensure_home_page
from urbact_portal.generate import PLACES_LOCATIVE, TOPICS, Generator

from .factories import event_index, event_page
from .models import EventIndexPage, EventPage

FIRST_DATE = date(2026, 1, 12)


def build(count: int, options: dict) -> int:
    index = EventIndexPage.objects.first() or event_index(ensure_home_page())
    start = EventPage.objects.count()
    for number in range(start + 1, start + count + 1):
        topic = TOPICS[number % len(TOPICS)][0]
        place = PLACES_LOCATIVE[number % len(PLACES_LOCATIVE)]
        event_page(
            index,
            title=f"Dogodek {number}: {topic} v {place}",
            slug=f"dogodek-{number}",
            start_date=FIRST_DATE + timedelta(days=7 * number),
        )
    return count


GENERATOR = Generator(name="events", option="events", help="events", build=build)
