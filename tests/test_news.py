"""The news listing (/novice/) and a news item: fields in both languages, pagination,
filters, relations and the query budget."""

import re
from datetime import date

import pytest

from news.models import NewsPage
from tests import factories
from tests.listing_helpers import (
    assert_within_budget,
    card_titles,
    measure,
    quick_page,
    robots_noindex,
)


@pytest.fixture
def news_index(site_tree):
    return site_tree["news"]


# --- the listing -------------------------------------------------------------------------


def test_listing_renders_in_slovene_and_english(news_index, client):
    news_index.intro = "Novice nacionalne točke URBACT."
    news_index.intro_en = "News from the National URBACT Point."
    news_index.save_revision().publish()
    factories.news_page(
        news_index,
        "Poziv za nova omrežja",
        title_en="Call for new networks",
        intro="Odprt je poziv.",
        intro_en="The call is open.",
        date=date(2026, 3, 2),
    )
    factories.news_page(news_index, "Samo slovenska novica", date=date(2026, 2, 1))

    sl = client.get("/novice/")
    assert sl.status_code == 200
    html = sl.content.decode()
    assert "<h1>Novice</h1>" in html
    assert "Novice nacionalne točke URBACT." in html
    assert card_titles(sl) == ["Poziv za nova omrežja", "Samo slovenska novica"]
    assert "Odprt je poziv." in html
    assert "2. marca 2026" in html
    assert "Najdeni 2 novici" in html
    assert not robots_noindex(sl)

    en = client.get("/en/news/")
    assert en.status_code == 200
    html = en.content.decode()
    assert "<h1>News</h1>" in html
    assert "News from the National URBACT Point." in html
    # Only what exists in English (its English title is set): the Slovene-only item is not
    # shown as if it were English.
    assert card_titles(en) == ["Call for new networks"]
    assert "Samo slovenska" not in html
    assert "The call is open." in html
    assert 'href="/en/news/call-for-new-networks/"' in html
    assert "1 news item found" in html


@pytest.mark.parametrize(
    ("how_many", "sentence"),
    [
        (1, "Najdena 1 novica"),
        (2, "Najdeni 2 novici"),
        (3, "Najdene 3 novice"),
        (4, "Najdene 4 novice"),
        (5, "Najdenih 5 novic"),
    ],
)
def test_result_count_uses_slovene_plural_forms(news_index, client, how_many, sentence):
    for _ in range(how_many):
        factories.news_page(news_index)
    assert sentence in client.get("/novice/").content.decode()


def test_empty_listing_says_so_in_slovene(news_index, client):
    html = client.get("/novice/").content.decode()
    assert "Zaenkrat še ni objavljenih novic." in html
    assert 'class="card' not in html
    assert "Najdenih 0 novic" in html


def test_unpublished_news_is_not_listed(news_index, client):
    factories.news_page(news_index, "Objavljena")
    factories.news_page(news_index, "Osnutek", live=False)
    assert card_titles(client.get("/novice/")) == ["Objavljena"]


def test_pagination_twelve_per_page_newest_first(news_index, client):
    for day in range(1, 15):  # 14 items, 1.–14. januar
        factories.news_page(news_index, f"Novica dne {day:02d}", date=date(2026, 1, day))

    first = client.get("/novice/")
    assert "Najdenih 14 novic" in first.content.decode()
    titles = card_titles(first)
    assert len(titles) == 12
    assert titles[0] == "Novica dne 14"
    assert titles[-1] == "Novica dne 03"
    assert 'href="?page=2"' in first.content.decode()

    second = client.get("/novice/?page=2")
    assert card_titles(second) == ["Novica dne 02", "Novica dne 01"]
    assert 'aria-current="page"' in second.content.decode()

    # Beyond the end: the last page; not a number: the first.
    assert card_titles(client.get("/novice/?page=99")) == ["Novica dne 02", "Novica dne 01"]
    assert card_titles(client.get("/novice/?page=abc"))[0] == "Novica dne 14"


def test_pagination_links_keep_the_filters(news_index, client):
    theme = factories.theme("Urbana prenova", slug="urbana-prenova")
    for _ in range(13):
        factories.news_page(news_index, themes=[theme])
    html = client.get("/novice/?theme=urbana-prenova").content.decode()
    assert "theme=urbana-prenova" in re.search(r'href="([^"]*page=2[^"]*)"', html).group(1)


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def themed_news(news_index):
    planning = factories.theme("Urbanistično načrtovanje", slug="urbanisticno-nacrtovanje")
    economy = factories.theme("Lokalno gospodarstvo", slug="lokalno-gospodarstvo")
    factories.news_page(
        news_index, "Načrt 2025", title_en="Plan 2025", themes=[planning], date=date(2025, 5, 1)
    )
    factories.news_page(
        news_index, "Načrt 2026", title_en="Plan 2026", themes=[planning], date=date(2026, 5, 1)
    )
    factories.news_page(news_index, "Gospodarstvo 2026", themes=[economy], date=date(2026, 6, 1))
    factories.news_page(news_index, "Brez teme 2024", date=date(2024, 1, 10))
    return {"planning": planning, "economy": economy}


def test_filter_form_lists_themes_and_years(themed_news, client):
    html = client.get("/novice/").content.decode()
    assert '<select id="filter-theme" name="theme">' in html
    assert '<option value="urbanisticno-nacrtovanje">Urbanistično načrtovanje</option>' in html
    assert '<select id="filter-year" name="year">' in html
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == ["2026", "2025", "2024"]


def test_filter_by_theme(themed_news, client):
    response = client.get("/novice/?theme=urbanisticno-nacrtovanje")
    assert card_titles(response) == ["Načrt 2026", "Načrt 2025"]
    assert robots_noindex(response)
    assert '<option value="urbanisticno-nacrtovanje" selected>' in response.content.decode()


def test_filter_by_year(themed_news, client):
    assert card_titles(client.get("/novice/?year=2026")) == ["Gospodarstvo 2026", "Načrt 2026"]
    assert card_titles(client.get("/novice/?year=2024")) == ["Brez teme 2024"]


def test_filters_combine(themed_news, client):
    response = client.get("/novice/?theme=urbanisticno-nacrtovanje&year=2026")
    assert card_titles(response) == ["Načrt 2026"]
    assert "Najdena 1 novica" in response.content.decode()


def test_filters_with_no_result_show_an_empty_state(themed_news, client):
    response = client.get("/novice/?theme=lokalno-gospodarstvo&year=2025")
    html = response.content.decode()
    assert card_titles(response) == []
    assert "Nobena novica ne ustreza izbranim filtrom." in html
    assert 'href="/novice/">Prikaži vse novice</a>' in html


def test_unknown_filter_value_is_ignored_and_not_indexed(themed_news, client):
    response = client.get("/novice/?theme=ne-obstaja")
    assert response.status_code == 200
    assert len(card_titles(response)) == 4
    assert robots_noindex(response)


def test_filter_labels_in_english(themed_news, client):
    themed_news["planning"].name_en = "Urban planning"
    themed_news["planning"].save()
    html = client.get("/en/news/?theme=urbanisticno-nacrtovanje").content.decode()
    assert '<option value="urbanisticno-nacrtovanje" selected>Urban planning</option>' in html
    assert "2 news items found" in html
    assert card_titles(client.get("/en/news/")) == ["Plan 2026", "Plan 2025"]  # English only


# --- the detail page ---------------------------------------------------------------------


@pytest.fixture
def full_news(site_tree):
    theme = factories.theme("Participativno upravljanje", slug="participativno-upravljanje")
    city = factories.city_page(site_tree["cities"], "Idrija", title_en="Idrija")
    network = factories.network_page(
        site_tree["networks"], "CityCentreDoctor", title_en="CityCentreDoctor"
    )
    picture = factories.image("Trg", description="Opis slike iz knjižnice")
    page = factories.news_page(
        site_tree["news"],
        "Srečanje mest v Idriji",
        title_en="Cities meet in Idrija",
        date=date(2026, 11, 25),
        intro="Mesta so se srečala.",
        intro_en="The cities met.",
        image=picture,
        image_alt="Udeleženci srečanja na mestnem trgu",
        body=[{"type": "paragraph", "value": "<p>Besedilo novice o srečanju.</p>"}],
        themes=[theme],
        cities=[city],
        networks=[network],
    )
    return {"page": page, "theme": theme, "city": city, "network": network, "image": picture}


def test_detail_renders_its_fields_in_slovene(full_news, client):
    response = client.get("/novice/srecanje-mest-v-idriji/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Srečanje mest v Idriji</h1>" in html
    assert '<time datetime="2026-11-25">25. novembra 2026</time>' in html
    assert "Mesta so se srečala." in html
    assert "Besedilo novice o srečanju." in html
    assert 'alt="Udeleženci srečanja na mestnem trgu"' in html
    assert "<picture" in html
    assert (
        '<a href="/novice/?theme=participativno-upravljanje">Participativno upravljanje</a>' in html
    )
    assert '<a href="/mesta/idrija/">Idrija</a>' in html
    assert '<a href="/omrezja/citycentredoctor/">CityCentreDoctor</a>' in html


def test_detail_in_english_and_fallback(full_news, client):
    html = client.get("/en/news/cities-meet-in-idrija/").content.decode()
    assert "<h1>Cities meet in Idrija</h1>" in html
    assert "25 November 2026" in html
    assert "The cities met." in html
    # The body was not translated: the Slovene text is shown.
    assert "Besedilo novice o srečanju." in html
    assert 'href="/en/news/?theme=participativno-upravljanje"' in html
    assert 'href="/en/cities/idrija/"' in html


def test_image_alt_falls_back_to_the_image_description(full_news, client):
    page = full_news["page"]
    page.image_alt_sl = ""
    page.save_revision().publish()
    html = client.get("/novice/srecanje-mest-v-idriji/").content.decode()
    assert 'alt="Opis slike iz knjižnice"' in html


def test_detail_hides_unpublished_relations(full_news, client):
    full_news["city"].unpublish()
    html = client.get("/novice/srecanje-mest-v-idriji/").content.decode()
    assert "/mesta/idrija/" not in html
    assert "/omrezja/citycentredoctor/" in html


def test_detail_without_relations_has_no_empty_headings(site_tree, client):
    factories.news_page(site_tree["news"], "Gola novica")
    html = client.get("/novice/gola-novica/").content.decode()
    assert "Povezana mesta" not in html
    assert "Povezana omrežja" not in html
    assert 'id="themes-heading"' not in html


# --- query budgets -----------------------------------------------------------------------


def make_news(index, how_many, themes):
    for n in range(how_many):
        quick_page(
            index,
            NewsPage,
            date=date(2020 + n % 7, 1 + n % 12, 1 + n % 28),
            image=factories.image() if n % 5 == 0 else None,
            m2m={"themes": themes},
        )


def test_listing_query_budget_does_not_grow(site_tree, client, django_assert_max_num_queries):
    theme = factories.theme("Tema")
    index = site_tree["news"]
    make_news(index, 5, [theme])
    urls = ["/novice/", f"/novice/?theme={theme.slug}", "/novice/?year=2020", "/en/news/"]
    few = measure(client, urls)
    make_news(index, 45, [theme])
    many = measure(client, urls)
    assert few == many
    assert_within_budget(client, urls, django_assert_max_num_queries)


def test_detail_query_budget_does_not_grow(site_tree, client, django_assert_max_num_queries):
    from cities.models import CityPage
    from networks.models import NetworkPage

    def news_with(how_many):
        return quick_page(
            site_tree["news"],
            NewsPage,
            image=factories.image(),
            m2m={
                "themes": [factories.theme() for _ in range(how_many)],
                "related_cities": [
                    quick_page(site_tree["cities"], CityPage) for _ in range(how_many)
                ],
                "related_networks": [
                    quick_page(site_tree["networks"], NetworkPage) for _ in range(how_many)
                ],
            },
        )

    few, many = news_with(5), news_with(50)
    assert measure(client, [few.url]) == measure(client, [many.url])
    assert_within_budget(client, [few.url, many.url], django_assert_max_num_queries)
