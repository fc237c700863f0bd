"""The good practice listing (/dobre-prakse/) and a good practice: fields in both languages,
pagination, the theme and country filters, links to the city and network, query budget."""

import re

import pytest

from networks.choices import NetworkType
from networks.models import GoodPracticePage
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


@pytest.fixture
def practices(site_tree):
    return site_tree["practices"]


# --- the listing -------------------------------------------------------------------------


def test_listing_renders_in_slovene_and_english(practices, client):
    practices.intro = "Prakse, ki jih mesta prenašajo."
    practices.intro_en = "Practices that cities transfer."
    practices.save_revision().publish()
    factories.good_practice_page(
        practices,
        "Pot čebel",
        title_en="Bee Path",
        summary="Mesto, prijazno čebelam.",
        summary_en="A bee-friendly city.",
        city_name="Ljubljana",
        country="SI",
    )
    factories.good_practice_page(practices, "Stellwerk", city_name="Altena", country="DE")

    sl = client.get("/dobre-prakse/")
    html = html_of(sl)
    assert sl.status_code == 200
    assert "<h1>Dobre prakse</h1>" in html
    assert "Prakse, ki jih mesta prenašajo." in html
    assert card_titles(sl) == ["Pot čebel", "Stellwerk"]
    assert "Mesto, prijazno čebelam." in html
    assert "Najdeni 2 dobri praksi" in html

    en = client.get("/en/good-practices/")
    html = html_of(en)
    assert "<h1>Good practices</h1>" in html
    assert "Practices that cities transfer." in html
    # Only what exists in English (its English title is set).
    assert card_titles(en) == ["Bee Path"]
    assert "A bee-friendly city." in html
    assert "Ljubljana (Slovenia)" in html
    assert "Altena (Germany)" not in html
    assert "1 good practice found" in html


@pytest.mark.parametrize(
    ("how_many", "sentence"),
    [
        (1, "Najdena 1 dobra praksa"),
        (2, "Najdeni 2 dobri praksi"),
        (4, "Najdene 4 dobre prakse"),
        (5, "Najdenih 5 dobrih praks"),
    ],
)
def test_result_count_plural_forms(practices, client, how_many, sentence):
    for _ in range(how_many):
        quick_page(practices, GoodPracticePage)
    assert sentence in html_of(client.get("/dobre-prakse/"))


def test_empty_listing(practices, client):
    assert "Zaenkrat še ni objavljenih dobrih praks." in html_of(client.get("/dobre-prakse/"))


def test_pagination_by_title(practices, client):
    for n in range(14):
        quick_page(practices, GoodPracticePage, f"Praksa {n:02d}")
    first = client.get("/dobre-prakse/")
    assert "Najdenih 14 dobrih praks" in html_of(first)
    assert card_titles(first) == [f"Praksa {n:02d}" for n in range(12)]
    assert card_titles(client.get("/dobre-prakse/?page=2")) == ["Praksa 12", "Praksa 13"]
    assert card_titles(client.get("/dobre-prakse/?page=3")) == ["Praksa 12", "Praksa 13"]
    assert card_titles(client.get("/dobre-prakse/?page=0"))[0] == "Praksa 00"


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def catalogue(practices):
    inclusion = factories.theme("Vključevanje", slug="vkljucevanje")
    economy = factories.theme("Gospodarstvo", slug="gospodarstvo")
    for title, fields in [
        ("A – Ljubljana", {"country": "SI", "themes": [inclusion]}),
        ("B – Idrija", {"city_name": "Idrija", "country": "SI", "themes": [economy]}),
        ("C – Altena", {"city_name": "Altena", "country": "DE", "themes": [inclusion, economy]}),
        ("D – Udine", {"city_name": "Udine", "country": "IT"}),
    ]:
        factories.good_practice_page(practices, title, title_en=title, **fields)


def test_filter_form_lists_themes_and_the_countries_in_use(catalogue, practices, client):
    # Slovene only: its country is offered on the Slovene site, not on the English one.
    factories.good_practice_page(practices, "E – Gradec", city_name="Gradec", country="AT")
    assert '<option value="AT">Avstrija</option>' in html_of(client.get("/dobre-prakse/"))
    html = html_of(client.get("/en/good-practices/"))
    assert '<select id="filter-theme" name="theme">' in html
    assert '<select id="filter-country" name="country">' in html
    countries = re.findall(r'<option value="([A-Z]{2})">([^<]+)</option>', html)
    assert countries == [("DE", "Germany"), ("IT", "Italy"), ("SI", "Slovenia")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=vkljucevanje", ["A – Ljubljana", "C – Altena"]),
        ("theme=gospodarstvo", ["B – Idrija", "C – Altena"]),
        ("country=SI", ["A – Ljubljana", "B – Idrija"]),
        ("country=IT", ["D – Udine"]),
        ("theme=gospodarstvo&country=SI", ["B – Idrija"]),
        ("theme=vkljucevanje&country=DE", ["C – Altena"]),
    ],
)
def test_filters_and_combinations(catalogue, client, query, expected):
    response = client.get(f"/dobre-prakse/?{query}")
    assert card_titles(response) == expected
    assert robots_noindex(response)


def test_filters_without_result(catalogue, client):
    response = client.get("/dobre-prakse/?theme=gospodarstvo&country=IT")
    assert card_titles(response) == []
    assert "Nobena dobra praksa ne ustreza izbranim filtrom." in html_of(response)


@pytest.mark.parametrize("query", ["country=XX", "country=si", "theme=ne-obstaja", "country="])
def test_unknown_or_empty_filter_values_show_everything(catalogue, client, query):
    response = client.get(f"/dobre-prakse/?{query}")
    assert response.status_code == 200
    assert len(card_titles(response)) == 4
    # An empty value is no filter at all; an unknown one keeps the page out of the index.
    assert robots_noindex(response) == (not query.endswith("="))


# --- the detail page ---------------------------------------------------------------------


@pytest.fixture
def bee_path(site_tree, practices):
    ljubljana = factories.city_page(site_tree["cities"], "Ljubljana", title_en="Ljubljana")
    network = factories.network_page(
        site_tree["networks"],
        "BeePathNet",
        network_type=NetworkType.TRANSFER,
        period=Period.URBACT_III,
    )
    theme = factories.theme("Urbana ekologija", slug="urbana-ekologija", name_en="Urban ecology")
    practice = factories.good_practice_page(
        practices,
        "Čebelja pot",
        title_en="Bee Path",
        city_name="Ljubljana",
        country="SI",
        city_page=ljubljana,
        summary="Mesto, prijazno čebelam.",
        summary_en="A bee-friendly city.",
        body=[{"type": "paragraph", "value": "<p>Podrobnosti prakse.</p>"}],
        themes=[theme],
        related_network=network,
        label_year=2017,
        image=factories.image("Čebelnjak", description="Čebelnjak na strehi"),
        image_alt="Panji na strehi mestne hiše",
        urbact_url="https://urbact.eu/good-practices/bee-path",
    )
    return {"practice": practice, "city": ljubljana, "network": network}


def test_detail_shows_its_fields(bee_path, client):
    response = client.get("/dobre-prakse/cebelja-pot/")
    assert response.status_code == 200
    html = html_of(response)
    assert "<h1>Čebelja pot</h1>" in html
    assert "Mesto, prijazno čebelam." in html
    assert "Podrobnosti prakse." in html
    assert '<dt>Mesto</dt><dd><a href="/mesta/ljubljana/">Ljubljana</a> (' in html
    assert "<dt>Oznaka dobre prakse URBACT</dt><dd>2017</dd>" in html
    assert '<a href="/omrezja/beepathnet/">BeePathNet</a>' in html
    assert 'alt="Panji na strehi mestne hiše"' in html
    assert '<a href="/dobre-prakse/?theme=urbana-ekologija">Urbana ekologija</a>' in html
    assert 'href="https://urbact.eu/good-practices/bee-path" rel="external noopener"' in html
    assert "(zunanja povezava)" in html


def test_detail_in_english(bee_path, client):
    html = html_of(client.get("/en/good-practices/bee-path/"))
    assert "<h1>Bee Path</h1>" in html
    assert "A bee-friendly city." in html
    assert "Podrobnosti prakse." in html  # untranslated body falls back
    # The city's name has no English value: shown in Slovene, marked as such.
    assert (
        '<dt>City</dt><dd lang="sl"><a href="/en/cities/ljubljana/">Ljubljana</a> (Slovenia)</dd>'
        in html
    )
    assert "<dt>URBACT Good Practice label</dt><dd>2017</dd>" in html
    assert '<a href="/en/good-practices/?theme=urbana-ekologija">Urban ecology</a>' in html


def test_city_without_page_and_unpublished_network_are_not_links(bee_path, client):
    practice = bee_path["practice"]
    practice.city_page = None
    practice.save_revision().publish()
    bee_path["network"].unpublish()
    html = html_of(client.get("/dobre-prakse/cebelja-pot/"))
    assert "<dt>Mesto</dt><dd>Ljubljana (" in html
    assert "/omrezja/beepathnet/" not in html
    assert "<dt>Omrežje</dt>" not in html


def test_image_alt_falls_back_to_the_image_description(bee_path, client):
    practice = bee_path["practice"]
    practice.image_alt_sl = ""
    practice.save_revision().publish()
    assert 'alt="Čebelnjak na strehi"' in html_of(client.get("/dobre-prakse/cebelja-pot/"))


# --- query budgets -----------------------------------------------------------------------


def test_listing_query_budget_does_not_grow(practices, client, django_assert_max_num_queries):
    theme = factories.theme("Tema")
    picture = factories.image()

    def make(how_many):
        for n in range(how_many):
            quick_page(
                practices,
                GoodPracticePage,
                country=("SI", "IT", "DE")[n % 3],
                image=picture,
                m2m={"themes": [theme]},
            )

    urls = [
        "/dobre-prakse/",
        f"/dobre-prakse/?theme={theme.slug}&country=SI",
        "/en/good-practices/?country=DE",
    ]
    make(5)
    few = measure(client, urls)
    make(45)
    assert measure(client, urls) == few
    assert_within_budget(client, urls, django_assert_max_num_queries)


def test_detail_query_budget_does_not_grow(
    site_tree, practices, client, django_assert_max_num_queries
):
    network = factories.network_page(site_tree["networks"], "Omrežje")
    city = factories.city_page(site_tree["cities"], "Mesto")

    def practice_with(how_many):
        return quick_page(
            practices,
            GoodPracticePage,
            image=factories.image(),
            city_page=city,
            related_network=network,
            m2m={"themes": [factories.theme() for _ in range(how_many)]},
        )

    few, many = practice_with(5), practice_with(50)
    assert measure(client, [few.url]) == measure(client, [many.url])
    assert_within_budget(client, [few.url, many.url], django_assert_max_num_queries)
