"""Factories of the news pages (see urbact_portal/factories.py)."""

from datetime import date

from urbact_portal.factories import create_page, sequence_number

from .models import NewsIndexPage, NewsPage


def news_index(home, **fields):
    fields.setdefault("title", "Novice")
    fields.setdefault("slug", "novice")
    fields.setdefault("title_en", "News")
    fields.setdefault("slug_en", "news")
    return create_page(home, NewsIndexPage, **fields)


def news_page(index, title=None, *, themes=(), cities=(), networks=(), **fields):
    title = title or f"Novica {sequence_number()}"
    fields.setdefault("intro", f"Kratek povzetek novice {title}.")
    fields.setdefault("date", date(2026, 1, 15))
    return create_page(
        index,
        NewsPage,
        title=title,
        m2m={"themes": themes, "related_cities": cities, "related_networks": networks},
        **fields,
    )
