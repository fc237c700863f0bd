"""Bad input on every listing and detail page never gives a 500: wrong page numbers, unknown,
hostile, huge and repeated filter values, unknown addresses, and missing images."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.listing_helpers import card_titles, html_of, quick_page, robots_noindex

# Each listing: Slovene and English address and its filter parameters.
LISTINGS = {
    "news": ("/novice/", "/en/news/", ["theme", "year"]),
    "networks": ("/omrezja/", "/en/networks/", ["type", "period", "theme", "city"]),
    "practices": ("/dobre-prakse/", "/en/good-practices/", ["theme", "country"]),
    "cities": ("/mesta/", "/en/cities/", ["region"]),
}

BAD_PAGES = [
    "abc",
    "0",
    "-1",
    "99999",
    "",
    "1.5",
    "1e3",
    "%00",
    "%27%20OR%201=1--",
    "9" * 5000,  # longer than Python converts to an int
    "1" * 300,
    "<script>alert(1)</script>",
]

BAD_VALUES = [
    "ne-obstaja",
    "abc",
    "1800",
    "99999999999999999999999",
    "XX",
    "<script>alert(1)</script>",
    "%00",
    "%C4%8D%C5%A1%C5%BE",  # čšž
    "%27%3B%20DROP%20TABLE%20wagtailcore_page%3B--",
    "x" * 10000,
]


@pytest.fixture
def content(site_tree):
    """Three items in each listing, related to each other, every filter with a value."""
    from cities.models import CityPage
    from networks.models import GoodPracticePage, NetworkPage, NetworkParticipant
    from news.models import NewsPage

    theme = factories.theme("Urbanizem", slug="urbanizem")
    cities = [
        quick_page(site_tree["cities"], CityPage, f"Mesto {n}", latitude="46.05", longitude="14.5")
        for n in range(3)
    ]
    networks = [
        quick_page(site_tree["networks"], NetworkPage, f"Omrežje {n}", m2m={"themes": [theme]})
        for n in range(3)
    ]
    for network in networks:
        for order, city in enumerate(cities):
            NetworkParticipant.objects.create(network=network, city_page=city, sort_order=order)
    for n in range(3):
        quick_page(
            site_tree["practices"],
            GoodPracticePage,
            f"Praksa {n}",
            city_page=cities[0],
            m2m={"themes": [theme]},
        )
        quick_page(
            site_tree["news"],
            NewsPage,
            f"Novica {n}",
            m2m={"themes": [theme], "related_cities": cities, "related_networks": networks},
        )
    return site_tree


def listing_urls():
    for name, (sl, en, _params) in LISTINGS.items():
        yield pytest.param(sl, id=f"{name}-sl")
        yield pytest.param(en, id=f"{name}-en")


@pytest.mark.parametrize("url", listing_urls())
def test_bad_page_numbers_give_a_page_of_the_listing(content, client, url):
    for page in BAD_PAGES:
        response = client.get(f"{url}?page={page}")
        assert response.status_code == 200, page
        assert len(card_titles(response)) == 3, page
        assert "<script>alert(1)</script>" not in html_of(response), page


@pytest.mark.parametrize("url", listing_urls())
def test_unknown_filter_values_are_ignored(content, client, url):
    name = next(key for key, (sl, en, _p) in LISTINGS.items() if url in (sl, en))
    for param in LISTINGS[name][2]:
        for value in BAD_VALUES:
            response = client.get(f"{url}?{param}={value}")
            assert response.status_code == 200, (param, value[:20])
            assert len(card_titles(response)) == 3, (param, value[:20])
            assert robots_noindex(response), (param, value[:20])
            assert "<script>alert(1)</script>" not in html_of(response), (param, value[:20])


@pytest.mark.parametrize("url", listing_urls())
def test_repeated_and_combined_bad_parameters(content, client, url):
    queries = [
        "page=1&page=2&page=abc",
        "theme=urbanizem&theme=ne-obstaja",
        "theme=ne-obstaja&theme=urbanizem",
        "year=2026&year=abc&country=XX&region=<b>&type=&period=&city=%00",
        "page=-5&theme=ne-obstaja&year=1800",
        "q=" + "x" * 5000,
        "&&&=&page",
    ]
    for query in queries:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        assert card_titles(response), query


@pytest.mark.parametrize(
    "url",
    [
        "/novice/ne-obstaja/",
        "/omrezja/ne-obstaja/",
        "/dobre-prakse/ne-obstaja/",
        "/mesta/ne-obstaja/",
        "/novice/novica-0/dalje/",
        "/mesta/mesto-0/ne-obstaja/",
        "/novice/%3Cscript%3E/",
        "/mesta/" + "x" * 1000 + "/",
    ],
)
def test_unknown_slugs_give_a_slovene_404(content, client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = html_of(response)
    assert '<html lang="sl"' in html
    assert "<script>" not in html.split("<main", 1)[-1]


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/does-not-exist/",
        "/en/networks/does-not-exist/",
        "/en/good-practices/does-not-exist/",
        "/en/cities/does-not-exist/",
        "/en/cities/mesto-0/more/",
    ],
)
def test_unknown_slugs_give_an_english_404_under_en(content, client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = html_of(response)
    assert '<html lang="en"' in html
    assert "Page not found" in html


# --- missing images ----------------------------------------------------------------------


@pytest.fixture
def pictured(site_tree, settings, tmp_path):
    """One page of each type with an image, each also shown as a card elsewhere."""
    settings.MEDIA_ROOT = tmp_path
    city = factories.city_page(
        site_tree["cities"],
        "Slikovito mesto",
        coat_of_arms=factories.image("Grb"),
        latitude="46.0",
        longitude="14.5",
    )
    network = factories.network_page(
        site_tree["networks"], "Slikovito omrežje", logo=factories.image("Logo"), cities=[city]
    )
    factories.good_practice_page(
        site_tree["practices"],
        "Slikovita praksa",
        image=factories.image("Praksa"),
        city_page=city,
        related_network=network,
    )
    factories.news_page(
        site_tree["news"],
        "Slikovita novica",
        title_en="Pictured news",
        slug_en="slikovita-novica",
        image=factories.image("Novica"),
        cities=[city],
        networks=[network],
    )
    return [
        "/novice/",
        "/novice/slikovita-novica/",
        "/omrezja/",
        "/omrezja/slikovito-omrezje/",
        "/dobre-prakse/",
        "/dobre-prakse/slikovita-praksa/",
        "/mesta/",
        "/mesta/slikovito-mesto/",
        "/en/news/slikovita-novica/",
    ]


def get_all(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, html_of(response)


def test_pages_render_with_their_images(pictured, client):
    for url, html in get_all(client, pictured):
        assert "<picture" in html or "<img" in html, url


def test_deleted_images_leave_the_pages_working(
    pictured, client, django_capture_on_commit_callbacks
):
    from wagtail.images.models import Image

    list(get_all(client, pictured))  # warm every cache, renditions included
    with django_capture_on_commit_callbacks(execute=True):  # as when the deletion commits
        Image.objects.all().delete()  # the pages' foreign keys are set to null
    for url, html in get_all(client, pictured):
        assert "/media/images/" not in html.split("<main", 1)[1], url


def test_missing_rendition_files_leave_the_pages_working(pictured, client, settings):
    from wagtail.images.models import Rendition

    list(get_all(client, pictured))
    for rendition in Rendition.objects.all():
        rendition.file.storage.delete(rendition.file.name)
    cache.clear()
    list(get_all(client, pictured))


def test_missing_original_files_leave_the_pages_working(pictured, client):
    from wagtail.images.models import Image, Rendition

    for image in Image.objects.all():
        image.file.storage.delete(image.file.name)
    Rendition.objects.all().delete()
    cache.clear()
    list(get_all(client, pictured))
