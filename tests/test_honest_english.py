"""Honest English (issue 11, part 4): under /en/ the site lists, feeds, maps and announces only
the pages that exist in English (their English title is set, urbact_portal/english.py); a
Slovene-only page's English address redirects to its Slovene address; on an English page a
field shown in Slovene is marked lang="sl"; hreflang names only the languages a page exists in."""

import re
from datetime import date
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.listing_helpers import card_titles, html_of


def build_shared_tree(site_tree):
    """The pages of this file's tests, built once per file (tests/conftest.py)."""
    tree = {}
    tree["events"] = factories.event_index(site_tree["home"])
    city_en = factories.city_page(
        site_tree["cities"], "Maribor", title_en="Maribor", slug_en="maribor", region="podravska"
    )
    city_sl = factories.city_page(site_tree["cities"], "Kočevje", region="jugovzhodna-slovenija")
    tree["city_en"], tree["city_sl"] = city_en, city_sl
    tree["network_en"] = factories.network_page(
        site_tree["networks"], "Omrežje EN", title_en="Network EN", cities=[city_en, city_sl]
    )
    tree["network_sl"] = factories.network_page(
        site_tree["networks"], "Samo slovensko omrežje", cities=[city_en]
    )
    tree["practice_en"] = factories.good_practice_page(
        site_tree["practices"], "Praksa EN", title_en="Practice EN"
    )
    tree["practice_sl"] = factories.good_practice_page(
        site_tree["practices"], "Samo slovenska praksa"
    )
    tree["news_en"] = factories.news_page(
        site_tree["news"],
        "Novica EN",
        title_en="News EN",
        intro_en="An English intro.",
        cities=[city_en],
        date=date(2026, 3, 1),
    )
    tree["news_sl"] = factories.news_page(
        site_tree["news"], "Samo slovenska novica", cities=[city_en], date=date(2026, 3, 2)
    )
    tree["event_en"] = factories.event_page(
        tree["events"], "Dogodek EN", title_en="Event EN", start_date=date(2099, 5, 1)
    )
    tree["event_sl"] = factories.event_page(
        tree["events"], "Samo slovenski dogodek", start_date=date(2099, 5, 2)
    )
    return tree


@pytest.fixture
def tree(site_tree):
    return site_tree


LISTINGS = [
    ("/novice/", "/en/news/", "Novica EN", "News EN", "Samo slovenska novica"),
    ("/omrezja/", "/en/networks/", "Omrežje EN", "Network EN", "Samo slovensko omrežje"),
    ("/dobre-prakse/", "/en/good-practices/", "Praksa EN", "Practice EN", "Samo slovenska praksa"),
    ("/mesta/", "/en/cities/", "Maribor", "Maribor", "Kočevje"),
    ("/dogodki/", "/en/events/", "Dogodek EN", "Event EN", "Samo slovenski dogodek"),
]


@pytest.mark.parametrize(("sl_url", "en_url", "sl_title", "en_title", "slovene_only"), LISTINGS)
def test_english_listings_hold_only_english_pages(
    tree, client, sl_url, en_url, sl_title, en_title, slovene_only
):
    slovene = client.get(sl_url)
    assert slovene.status_code == 200
    assert set(card_titles(slovene)) == {sl_title, slovene_only}
    english = client.get(en_url)
    assert english.status_code == 200
    assert card_titles(english) == [en_title]
    assert slovene_only not in html_of(english)


@pytest.mark.parametrize(("sl_url", "en_url", "sl_title", "en_title", "slovene_only"), LISTINGS)
def test_english_listings_cost_no_more_queries_than_slovene(
    tree, client, sl_url, en_url, sl_title, en_title, slovene_only
):
    client.get(sl_url), client.get(en_url)  # warm the caches of both languages
    counts = []
    for url in (sl_url, en_url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[1] <= counts[0]


def test_english_map_shows_only_english_cities(tree, client):
    for city, (lat, lon) in (
        (tree["city_en"], ("46.5547", "15.6459")),
        (tree["city_sl"], ("45.6428", "14.8633")),
    ):
        city.latitude, city.longitude = lat, lon
        city.save_revision().publish()
    html = html_of(client.get("/en/cities/"))
    figure = html[html.index('<div class="map">') : html.index('class="map__list')]
    assert 'aria-label="Maribor"' in figure
    assert "Kočevje" not in figure
    slovene = html_of(client.get("/mesta/"))
    figure = slovene[slovene.index('<div class="map">') : slovene.index('class="map__list')]
    assert 'aria-label="Kočevje"' in figure


def test_english_filters_offer_only_what_english_pages_use(tree, client):
    html = html_of(client.get("/en/networks/"))
    options = re.findall(r'<option value="([^"]+)"', html)
    assert "maribor" in options
    assert "kocevje" not in options


def test_english_home_sections_hold_only_english_pages(tree, client):
    html = html_of(client.get("/en/"))
    assert "News EN" in html and "Practice EN" in html and "Event EN" in html
    for title in (
        "Samo slovenska novica",
        "Samo slovenska praksa",
        "Samo slovenski dogodek",
        "Samo slovensko omrežje",
    ):
        assert title not in html
    slovene = html_of(client.get("/"))
    assert "Samo slovenska novica" in slovene


def test_english_related_sections_hold_only_english_pages(tree, client):
    english = html_of(client.get("/en/cities/maribor/"))
    assert "News EN" in english and "Network EN" in english
    assert "Samo slovenska novica" not in english
    assert "Samo slovensko omrežje" not in english
    slovene = html_of(client.get("/mesta/maribor/"))
    assert "Samo slovenska novica" in slovene and "Samo slovensko omrežje" in slovene


def test_english_network_names_every_participant_and_links_each_in_its_language(tree, client):
    """A network's Slovenian participants are facts of the network: all are named on its
    English page; a city page that exists only in Slovene is linked at its Slovene address,
    marked as Slovene (not at an English address that would only redirect)."""
    english = html_of(client.get("/en/networks/network-en/"))
    facts = english[english.index('class="facts"') :]
    assert '<a href="/en/cities/maribor/">Maribor</a>' in facts
    assert '<a href="/mesta/kocevje/" hreflang="sl" lang="sl">Kočevje</a>' in facts
    slovene = html_of(client.get("/omrezja/omrezje-en/"))
    assert '<a href="/mesta/kocevje/">Kočevje</a>' in slovene


def test_english_feeds_hold_only_english_pages(tree, client):
    rss = client.get("/en/news/rss/")
    assert rss.status_code == 200
    titles = [t.text for t in ElementTree.fromstring(rss.content).iter("title")]
    assert "News EN" in titles
    assert "Samo slovenska novica" not in titles
    slovene_rss = ElementTree.fromstring(client.get("/novice/rss/").content)
    assert "Samo slovenska novica" in [t.text for t in slovene_rss.iter("title")]
    calendar = client.get("/en/events/calendar.ics")
    assert calendar.status_code == 200
    text = calendar.content.decode()
    assert "Event EN" in text
    assert "Samo slovenski dogodek" not in text


def _sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {}
    for url in ElementTree.fromstring(response.content).findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        entries[loc] = {link.get("hreflang") for link in url.findall("x:link", ns)}
    return entries


def test_sitemap_lists_english_addresses_only_of_english_pages(tree, client):
    entries = _sitemap_entries(client)
    locs = {re.sub(r"^https?://[^/]+", "", loc): langs for loc, langs in entries.items()}
    assert "/novice/samo-slovenska-novica/" in locs
    assert locs["/novice/samo-slovenska-novica/"] == {"sl", "x-default"}
    assert not any("samo-slovenska-novica" in loc for loc in locs if loc.startswith("/en/"))
    assert "/en/news/news-en/" in locs
    assert locs["/en/news/news-en/"] == {"sl", "en", "x-default"}


def test_slovene_only_page_redirects_from_its_english_address(tree, client):
    response = client.get("/en/news/samo-slovenska-novica/")
    assert response.status_code == 302
    assert response["Location"] == "/novice/samo-slovenska-novica/"
    assert client.get(response["Location"]).status_code == 200
    # A query is kept; an English page is served in English.
    response = client.get("/en/cities/kocevje/?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/mesta/kocevje/?page=2"
    assert client.get("/en/news/news-en/").status_code == 200


def test_english_page_marks_fields_shown_in_slovene(tree, client):
    # The English news item has an English intro but no English body: the body is Slovene.
    news = tree["news_en"]
    news.body = [("paragraph", "<p>Slovensko besedilo.</p>")]
    news.save_revision().publish()
    html = html_of(client.get("/en/news/news-en/"))
    assert '<p class="lead">An English intro.</p>' in html
    body = re.search(r'<div class="article__body stream"([^>]*)>', html)
    assert body and body.group(1) == ' lang="sl"'
    assert "Slovensko besedilo." in html
    # The network has an English title but a Slovene summary only.
    network = html_of(client.get("/en/networks/network-en/"))
    assert '<p class="lead" lang="sl">Povzetek omrežja Omrežje EN.</p>' in network
    # In Slovene nothing is marked.
    slovene = html_of(client.get("/novice/novica-en/"))
    assert 'lang="sl"' not in slovene.split("<body", 1)[1].split("<footer", 1)[0]


def test_english_card_summary_in_slovene_is_marked(tree, client):
    html = html_of(client.get("/en/good-practices/"))
    assert '<p class="card__summary" lang="sl">Povzetek dobre prakse Praksa EN.</p>' in html
    html = html_of(client.get("/en/news/"))
    assert '<p class="card__summary">An English intro.</p>' in html


def test_hreflang_only_for_languages_a_page_exists_in(tree, client):
    def hreflangs(url):
        return set(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html_of(client.get(url)))
        )

    assert hreflangs("/novice/novica-en/") == {"sl", "en", "x-default"}
    assert hreflangs("/en/news/news-en/") == {"sl", "en", "x-default"}
    assert hreflangs("/novice/samo-slovenska-novica/") == {"sl", "x-default"}
    html = html_of(client.get("/novice/samo-slovenska-novica/"))
    assert "og:locale:alternate" not in html
    # The language switcher offers the English home page instead of a redirect loop.
    switch = re.search(r'class="language-switcher__link" href="([^"]+)"', html)
    assert switch and switch.group(1) == "/en/"


def test_english_menu_leaves_out_slovene_only_pages(tree, client):
    factories.standard_page(tree["home"], "Samo slovenska stran", show_in_menus=True)
    factories.standard_page(tree["home"], "Stran EN", title_en="Page EN", show_in_menus=True)
    english = html_of(client.get("/en/"))
    assert "Page EN" in english
    assert "Samo slovenska stran" not in english
    assert "Samo slovenska stran" in html_of(client.get("/"))


def test_english_home_links_only_to_english_pages(tree, client):
    home = tree["home"].specific
    home.hero_link = factories.standard_page(tree["home"], "Samo slovensko o programu")
    home.save_revision().publish()
    assert "/samo-slovensko-o-programu/" in html_of(client.get("/"))
    assert "samo-slovensko-o-programu" not in html_of(client.get("/en/"))
