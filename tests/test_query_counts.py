"""At most 8 database queries per public page once the caches are warm, for every page type,
and the same number with many items as with few (no query per card, image or link)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests import factories

BUDGET = 8


def queries(client, url) -> tuple[int, list[str]]:
    for _ in range(2):  # renditions, fragment caches and the site's settings are made
        response = client.get(url)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), [q["sql"][:300] for q in ctx.captured_queries]


def indexes(home):
    factories.standard_page(home, title="O programu URBACT", title_en="About URBACT")
    factories.contact_page(home)
    return {
        "news": factories.news_index(home),
        "networks": factories.network_index(home),
        "practices": factories.good_practice_index(home),
        "cities": factories.city_index(home),
        "events": factories.event_index(home),
        "themes": [factories.theme(f"Tema {i}", name_en=f"Theme {i}") for i in range(3)],
        "photo": factories.image("Delavnica", size=(800, 600)),
    }


def add_items(ix, count: int, start: int) -> dict:
    """`count` more of every page type; the newest of each links to all cities/networks."""
    photo, themes = ix["photo"], ix["themes"]
    made = {}
    for i in range(start, start + count):
        city = factories.city_page(ix["cities"], title=f"Mesto {i}", title_en=f"City {i}")
        cities = list(ix["cities"].get_children().live().specific())
        network = factories.network_page(
            ix["networks"],
            title=f"Omrežje {i}",
            title_en=f"Network {i}",
            cities=cities,
            themes=themes,
        )
        networks = list(ix["networks"].get_children().live().specific())
        made["practice"] = factories.good_practice_page(
            ix["practices"],
            title=f"Praksa {i}",
            title_en=f"Practice {i}",
            city_page=city,
            related_network=network,
            themes=themes[:1],
        )
        made["news"] = factories.news_page(
            ix["news"],
            title=f"Novica {i}",
            title_en=f"News {i}",
            date=date(2026, 11, 1) - timedelta(days=i),
            image=photo,
            themes=themes,
            cities=cities,
            networks=networks,
        )
        made["event"] = factories.event_page(
            ix["events"],
            title=f"Dogodek {i}",
            title_en=f"Event {i}",
            start_date=date(2027, 1, 1) + timedelta(i),
            cities=cities,
            networks=networks,
            image=photo,
        )
        made["city"], made["network"] = city, network
    return made


def urls_of(ix, made) -> dict:
    with translation.override("sl"):
        return {**slovene_urls(ix, made), **english_urls(ix, made)}


def slovene_urls(ix, made) -> dict:
    return {
        "home": "/",
        "home (en)": "/en/",
        "news index": ix["news"].url,
        "news filtered": ix["news"].url + "?year=2026",
        "news item": made["news"].url,
        "networks": ix["networks"].url,
        "network": made["network"].url,
        "practices": ix["practices"].url,
        "practice": made["practice"].url,
        "cities": ix["cities"].url,
        "city": made["city"].url,
        "events": ix["events"].url,
        "event": made["event"].url,
        "standard page": "/o-programu-urbact/",
        "search": "/iskanje/?q=novica",
        "sitemap": "/sitemap.xml",
    }


def english_urls(ix, made) -> dict:
    with translation.override("en"):
        return {
            "news item (en)": made["news"].url,
            "news index (en)": ix["news"].url,
            "network (en)": made["network"].url,
        }


@pytest.mark.django_db
def test_every_public_page_within_budget_and_flat(client):
    ix = indexes(factories.ensure_home_page())
    few_urls = urls_of(ix, add_items(ix, 2, 0))
    few = {name: queries(client, url) for name, url in few_urls.items()}
    many_urls = urls_of(ix, add_items(ix, 10, 2))
    many = {name: queries(client, url) for name, url in many_urls.items()}
    report = {name: (few[name][0], many[name][0]) for name in few}
    over = {name: counts for name, counts in report.items() if max(counts) > BUDGET}
    assert not over, (report, {name: many[name][1] for name in over})
    grown = {name: counts for name, counts in report.items() if counts[1] > counts[0]}
    assert not grown, report


@pytest.mark.django_db
def test_view_restrictions_still_apply(client):
    """Without any restriction the check is skipped (urbact_portal/speed.py); the first one
    added applies at once."""
    from wagtail.models import PageViewRestriction

    home = factories.ensure_home_page()
    page = factories.standard_page(home, title="Interno", title_en="Internal")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="skrivnost"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Interno" not in response.content.decode().split("<main", 1)[-1]
    assert 'name="password"' in response.content.decode()
    assert "public" not in response["Cache-Control"]
