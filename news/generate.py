"""`manage.py generate_content --news N`: N news items in bulk (urbact_portal/generate.py),
with varied Slovene texts, an English version for every other item, themes and links to the
cities and networks already in the database. Deterministic: the same N gives the same items."""

from datetime import date

from django.apps import apps
from django.utils.text import slugify

from urbact_portal.factories import ensure_home_page
from urbact_portal.generate import (
    ACTIONS,
    PLACES_LOCATIVE,
    TOPICS,
    Generator,
    bulk_add_children,
    published_at,
    rng,
    sentence_text,
    spread_dates,
)
from urbact_portal.models import Theme

from .factories import news_index
from .models import NewsIndexPage, NewsPage

LAST_DATE = date(2026, 11, 30)


def _ids(app_label, model_name):
    if not apps.is_installed(app_label):
        return []
    model = apps.get_model(app_label, model_name)
    return list(model.objects.live().order_by("pk").values_list("pk", flat=True))


def _paragraph(sentences):
    return f"<p>{' '.join(sentences)}</p>"


def build(count: int, options: dict) -> int:
    index = NewsIndexPage.objects.first() or news_index(ensure_home_page())
    random = rng("news", options.get("seed", 1))
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    cities = _ids("cities", "CityPage")
    networks = _ids("networks", "NetworkPage")
    start = NewsPage.objects.count()
    items = []
    for offset, day in enumerate(spread_dates(count, end=LAST_DATE, days=max(count // 3, 30))):
        number = start + offset + 1
        action_sl, action_en = random.choice(ACTIONS)
        topic_sl, topic_en = random.choice(TOPICS)
        place = random.choice(PLACES_LOCATIVE)
        title = f"{topic_sl.capitalize()} v {place}: {action_sl}"
        intro = " ".join(sentence_text(random, place, 2))
        body = [
            {"type": "paragraph", "value": _paragraph(sentence_text(random, place, 3))},
            {"type": "heading", "value": {"text": topic_sl.capitalize(), "level": "h2"}},
            {"type": "paragraph", "value": _paragraph(sentence_text(random, place, 2))},
        ]
        values = {
            "title": title,
            "slug": f"{slugify(title)}-{number}",
            "date": day,
            "first_published_at": published_at(day),
            "intro": intro,
            "intro_sl": intro,
            "body": body,
            "body_sl": body,
            "m2m": {
                "themes": random.sample(themes, min(len(themes), 2)),
                "related_cities": random.sample(cities, min(len(cities), 1)),
                "related_networks": random.sample(networks, min(len(networks), 1)),
            },
        }
        if number % 2:
            english = f"{topic_en.capitalize()}: {action_en} ({number})"
            values.update(
                title_en=english,
                slug_en=f"{slugify(english)}-{number}",
                intro_en=f"An item about {topic_en}, in Slovenia and elsewhere in Europe.",
            )
        items.append(values)
    return len(bulk_add_children(index, NewsPage, items))


GENERATOR = Generator(
    name="news",
    option="news",
    help="news items (in bulk)",
    build=build,
    after=("cities", "networks"),
)
