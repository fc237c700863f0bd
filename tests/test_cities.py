"""The city listing (/mesta/) with its map of Slovenia, and a city page with its networks,
good practices and news derived from the reverse relations."""

import re
from datetime import date
from decimal import Decimal

import pytest

from cities.choices import Region
from cities.models import CityPage
from cities.templatetags.city_map import SVG_HEIGHT, SVG_WIDTH, project
from networks.choices import ParticipantRole
from networks.models import GoodPracticePage, NetworkPage, NetworkParticipant
from news.models import NewsPage
from tests import factories
from tests.listing_helpers import (
    assert_within_budget,
    card_titles,
    html_of,
    measure,
    quick_page,
    robots_noindex,
)
from urbact_portal.programme import Period

# Coordinates from the seed's facts.
LJUBLJANA = {"latitude": Decimal("46.0569"), "longitude": Decimal("14.5058")}
MARIBOR = {"latitude": Decimal("46.5547"), "longitude": Decimal("15.6459")}
NOVA_GORICA = {"latitude": Decimal("45.9558"), "longitude": Decimal("13.6483")}


@pytest.fixture
def cities(site_tree):
    return site_tree["cities"]


def map_markers(html):
    """(href, accessible name) of every linked point on the map."""
    return re.findall(r'<a class="map__marker" href="([^"]+)" aria-label="([^"]+)">', html)


def map_list(html):
    """The text alternative: the list of cities under the map."""
    return re.search(r'<ul class="map__list inline-list"[^>]*>(.*?)</ul>', html, re.S).group(1)


# --- the listing -------------------------------------------------------------------------


def test_listing_renders_in_slovene_and_english(cities, client):
    cities.intro = "Slovenska mesta v programu URBACT."
    cities.intro_en = "Slovenian cities in URBACT."
    cities.save_revision().publish()
    factories.city_page(cities, "Ljubljana", title_en="Ljubljana", intro_en="The capital.")
    factories.city_page(cities, "Maribor", title_en="Maribor", region=Region.PODRAVSKA)
    factories.city_page(cities, "Nova Gorica", title_en="Nova Gorica", region=Region.GORISKA)

    sl = client.get("/mesta/")
    html = html_of(sl)
    assert sl.status_code == 200
    assert "<h1>Mesta</h1>" in html
    assert "Slovenska mesta v programu URBACT." in html
    assert card_titles(sl) == ["Ljubljana", "Maribor", "Nova Gorica"]
    assert "Najdena 3 mesta" in html
    assert '<select id="filter-region" name="region">' in html

    en = client.get("/en/cities/")
    html = html_of(en)
    assert "<h1>Cities</h1>" in html
    assert "Slovenian cities in URBACT." in html
    assert card_titles(en) == ["Ljubljana", "Maribor", "Nova Gorica"]
    assert "The capital." in html
    assert "Uvod o mestu Maribor." in html  # untranslated intro falls back to Slovene
    assert "Drava" in html  # the region on the card
    assert "3 cities found" in html


@pytest.mark.parametrize(
    ("how_many", "sentence"),
    [(1, "Najdeno 1 mesto"), (2, "Najdeni 2 mesti"), (5, "Najdenih 5 mest")],
)
def test_result_count_plural_forms(cities, client, how_many, sentence):
    for _ in range(how_many):
        quick_page(cities, CityPage)
    assert sentence in html_of(client.get("/mesta/"))


def test_empty_listing_has_no_map(cities, client):
    html = html_of(client.get("/mesta/"))
    assert "Zaenkrat še ni objavljenih mest." in html
    assert '<svg class="map__svg"' not in html


def test_pagination(cities, client):
    for n in range(14):
        quick_page(cities, CityPage, f"Mesto {n:02d}", **LJUBLJANA)
    first = client.get("/mesta/")
    assert card_titles(first) == [f"Mesto {n:02d}" for n in range(12)]
    assert card_titles(client.get("/mesta/?page=2")) == ["Mesto 12", "Mesto 13"]
    assert card_titles(client.get("/mesta/?page=9999")) == ["Mesto 12", "Mesto 13"]
    # The map shows every city of the listing, not only those of this page.
    assert len(map_markers(html_of(first))) == 14


@pytest.fixture
def three_regions(cities):
    return {
        "ljubljana": factories.city_page(cities, "Ljubljana", **LJUBLJANA),
        "maribor": factories.city_page(cities, "Maribor", region=Region.PODRAVSKA, **MARIBOR),
        "grosuplje": factories.city_page(cities, "Grosuplje"),  # no coordinates
        "nova_gorica": factories.city_page(
            cities, "Nova Gorica", region=Region.GORISKA, **NOVA_GORICA
        ),
    }


def test_region_filter(three_regions, client):
    response = client.get("/mesta/?region=osrednjeslovenska")
    assert card_titles(response) == ["Grosuplje", "Ljubljana"]
    assert robots_noindex(response)
    assert '<option value="osrednjeslovenska" selected>' in html_of(response)
    # Only regions with cities are offered.
    assert 'value="pomurska"' not in html_of(response)
    assert map_markers(html_of(response)) == [("/mesta/ljubljana/", "Ljubljana")]


def test_region_filter_without_result_and_unknown_region(three_regions, client):
    unknown = client.get("/mesta/?region=<script>alert(1)</script>")
    assert unknown.status_code == 200
    assert len(card_titles(unknown)) == 4
    assert robots_noindex(unknown)
    assert "<script>alert(1)</script>" not in html_of(unknown)


# --- the map -----------------------------------------------------------------------------


def test_map_has_a_link_per_city_with_coordinates_and_a_text_list(three_regions, client):
    html = html_of(client.get("/mesta/"))
    assert map_markers(html) == [
        ("/mesta/ljubljana/", "Ljubljana"),
        ("/mesta/maribor/", "Maribor"),
        ("/mesta/nova-gorica/", "Nova Gorica"),
    ]
    listed = map_list(html)
    names = {"ljubljana": "Ljubljana", "maribor": "Maribor", "nova-gorica": "Nova Gorica"}
    names["grosuplje"] = "Grosuplje"
    for slug, name in names.items():
        assert f'<a href="/mesta/{slug}/">{name}</a>' in listed
    # A city without coordinates is listed, not drawn.
    assert 'Grosuplje</a> <span class="map__note">(ni na zemljevidu)</span>' in listed
    assert 'Ljubljana</a> <span class="map__coordinates">(46,0569° S, 14,5058° V)</span>' in listed


def test_map_is_an_accessible_inline_svg(three_regions, client):
    html = html_of(client.get("/mesta/"))
    svg = re.search(r'<svg class="map__svg"[^>]*>', html).group(0)
    # It holds links, so it is a group (role="img" would hide them from assistive tech).
    assert 'role="group"' in svg
    title_id = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    desc_id = re.search(r'aria-describedby="([^"]+)"', svg).group(1)
    assert f'<title id="{title_id}">Zemljevid Slovenije z mesti URBACT</title>' in html
    assert f'<desc id="{desc_id}">Vsaka točka je povezava' in html
    assert '<path class="map__outline" d="M' in html
    # No tiles, scripts or other requests: everything is inline.
    map_html = html[html.index('<div class="map">') : html.index("</svg>")]
    assert "http" not in map_html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in map_html and "<image" not in map_html


def test_map_places_cities_by_their_coordinates(three_regions, client):
    html = html_of(client.get("/mesta/"))
    points = {
        name: (float(x), float(y))
        for name, x, y in re.findall(
            r'aria-label="([^"]+)">\s*<circle class="map__hit" cx="([\d.]+)" cy="([\d.]+)"', html
        )
    }
    assert set(points) == {"Ljubljana", "Maribor", "Nova Gorica"}
    for x, y in points.values():
        assert 0 < x < SVG_WIDTH and 0 < y < SVG_HEIGHT
    assert points["Ljubljana"] == project(LJUBLJANA["latitude"], LJUBLJANA["longitude"])
    # Maribor lies north-east of Ljubljana, Nova Gorica west of it.
    assert points["Maribor"][0] > points["Ljubljana"][0]
    assert points["Maribor"][1] < points["Ljubljana"][1]
    assert points["Nova Gorica"][0] < points["Ljubljana"][0]


def test_map_in_english(three_regions, client):
    for key in ("ljubljana", "grosuplje"):
        city = three_regions[key]
        city.title_en = city.title
        city.save_revision().publish()
    html = html_of(client.get("/en/cities/"))
    # Only the cities that exist in English (Maribor and Nova Gorica do not).
    assert map_markers(html) == [("/en/cities/ljubljana/", "Ljubljana")]
    assert "Map of Slovenia with URBACT cities" in html
    assert "(46.0569° N, 14.5058° E)" in map_list(html)
    assert "(not on the map)" in map_list(html)


# --- the city page -----------------------------------------------------------------------


@pytest.fixture
def ljubljana(site_tree, cities):
    city = factories.city_page(
        cities,
        "Ljubljana",
        title_en="Ljubljana",
        intro="Glavno mesto Slovenije.",
        intro_en="The capital of Slovenia.",
        body=[{"type": "paragraph", "value": "<p>Ljubljana v programu URBACT.</p>"}],
        population=295504,
        website="https://www.ljubljana.si/",
        **LJUBLJANA,
    )
    networks = site_tree["networks"]
    factories.network_page(
        networks, "BeePathNet", period=Period.URBACT_III, start_year=2018, end_year=2020,
        cities=[city], title_en="BeePathNet",
    )  # fmt: skip
    factories.network_page(
        networks, "Srce mest", period=Period.URBACT_IV, start_year=2023, end_year=2025,
        cities=[city],
    )  # fmt: skip
    factories.network_page(networks, "Drugo omrežje")  # another city's network
    factories.good_practice_page(site_tree["practices"], "Čebelja pot", city_page=city)
    factories.good_practice_page(site_tree["practices"], "Tuja praksa", city_name="Udine")
    factories.news_page(site_tree["news"], "Novica o Ljubljani", cities=[city])
    factories.news_page(site_tree["news"], "Druga novica")
    return city


def test_city_page_shows_its_fields(ljubljana, client):
    response = client.get("/mesta/ljubljana/")
    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Ljubljana</h1>" in html
    assert "Glavno mesto Slovenije." in html
    assert "Ljubljana v programu URBACT." in html
    assert '<dt>Statistična regija</dt><dd><a href="/mesta/?region=osrednjeslovenska">' in html
    assert "<dt>Število prebivalcev</dt><dd>295.504</dd>" in html
    assert 'href="https://www.ljubljana.si/" rel="external noopener">ljubljana.si<' in html


def test_city_page_shows_networks_by_period_practices_and_news(ljubljana, client):
    html = html_of(client.get("/mesta/ljubljana/"))
    networks = html[html.index('id="networks-heading"') : html.index('id="practices-heading"')]
    # The latest period first, each under its own heading.
    assert networks.index("URBACT IV (2021–2027)") < networks.index("Srce mest")
    assert networks.index("Srce mest") < networks.index("URBACT III (2014–2020)")
    assert networks.index("URBACT III (2014–2020)") < networks.index("BeePathNet")
    assert "Drugo omrežje" not in html
    assert '<a href="/dobre-prakse/cebelja-pot/">Čebelja pot</a>' in html
    assert "Tuja praksa" not in html
    assert '<a href="/novice/novica-o-ljubljani/">Novica o Ljubljani</a>' in html
    assert "Druga novica" not in html


def test_city_page_map_highlights_the_city(ljubljana, client):
    html = html_of(client.get("/mesta/ljubljana/"))
    svg = re.search(r'<svg class="map__svg"[^>]*>', html).group(0)
    assert 'role="img"' in svg  # nothing to click: a picture with a text alternative
    assert '<title id="map-1-title">Lega mesta Ljubljana na zemljevidu Slovenije</title>' in html
    assert '<desc id="map-1-desc">Ljubljana: 46,0569° S, 14,5058° V</desc>' in html
    assert '<g class="map__marker map__marker--current">' in html
    assert map_markers(html) == []


def test_city_page_in_english(ljubljana, client):
    html = html_of(client.get("/en/cities/ljubljana/"))
    assert "The capital of Slovenia." in html
    assert "<dt>Population</dt><dd>295,504</dd>" in html
    assert '<a href="/en/cities/?region=osrednjeslovenska">Central Slovenia</a>' in html
    assert "Location of Ljubljana on the map of Slovenia" in html
    assert '<a href="/en/networks/beepathnet/">BeePathNet</a>' in html


def test_empty_relations_are_sentences_not_empty_headings(cities, client):
    factories.city_page(cities, "Kočevje", region=Region.JUGOVZHODNA)
    html = html_of(client.get("/mesta/kocevje/"))
    assert "Za mesto Kočevje na tej strani še ni objavljeno nobeno omrežje URBACT." in html
    assert "Iz mesta Kočevje še ni objavljena nobena dobra praksa." in html
    assert "O mestu Kočevje še ni novic." in html
    # Unknown population and coordinates: no row, no map.
    assert "Število prebivalcev" not in html
    assert '<svg class="map__svg"' not in html


def test_unpublished_relations_disappear(ljubljana, client):
    NetworkPage.objects.get(title_sl="BeePathNet").unpublish()
    GoodPracticePage.objects.get(title_sl="Čebelja pot").unpublish()
    NewsPage.objects.get(title_sl="Novica o Ljubljani").unpublish()
    html = html_of(client.get("/mesta/ljubljana/"))
    assert "BeePathNet" not in html
    assert "Čebelja pot" not in html
    assert "Novica o Ljubljani" not in html
    assert "Srce mest" in html


# --- query budgets -----------------------------------------------------------------------


def test_listing_query_budget_does_not_grow(cities, client, django_assert_max_num_queries):
    coat = factories.image()

    def make(how_many):
        for n in range(how_many):
            quick_page(
                cities,
                CityPage,
                region=(Region.GORENJSKA, Region.PODRAVSKA)[n % 2],
                coat_of_arms=coat,
                **(LJUBLJANA if n % 3 else {}),
            )

    urls = ["/mesta/", "/mesta/?region=podravska", "/en/cities/?region=gorenjska"]
    make(5)
    few = measure(client, urls)
    make(45)
    assert measure(client, urls) == few
    assert_within_budget(client, urls, django_assert_max_num_queries)


def test_detail_query_budget_does_not_grow(site_tree, client, django_assert_max_num_queries):
    picture = factories.image()

    def city_with(how_many):
        city = quick_page(
            site_tree["cities"], CityPage, coat_of_arms=factories.image(), **LJUBLJANA
        )
        for n in range(how_many):
            network = quick_page(
                site_tree["networks"],
                NetworkPage,
                period=(Period.URBACT_III, Period.URBACT_IV)[n % 2],
                logo=picture,
            )
            NetworkParticipant.objects.create(
                network=network,
                city_page=city,
                role=ParticipantRole.LEAD if n % 3 == 0 else ParticipantRole.PARTNER,
            )
            quick_page(site_tree["practices"], GoodPracticePage, city_page=city, image=picture)
            quick_page(
                site_tree["news"],
                NewsPage,
                date=date(2026, 1, 1 + n % 28),
                image=picture,
                m2m={"related_cities": [city]},
            )
        return city

    few, many = city_with(5), city_with(50)
    assert measure(client, [few.url]) == measure(client, [many.url])
    assert_within_budget(client, [few.url, many.url], django_assert_max_num_queries)
