"""Admin page search (issue 10, part 2): the page search, the explorer's search box and the
page chooser find pages by their Slovene and English titles, without regard to accents, and
by inflected Slovene forms — the site search's machinery (urbact_portal.search_backend)."""

import re

import pytest

from tests import factories

PAGE_SEARCH = "/admin/pages/search/"
CHOOSER_SEARCH = "/admin/choose-page/search/"


@pytest.fixture
def pages(site_tree):
    return {
        "ljubljana": factories.city_page(
            site_tree["cities"], title="Ljubljana", title_en="Ljubljana"
        ),
        "school": factories.news_page(
            site_tree["news"], title="Poletna šola", title_en="Summer school"
        ),
        "draft": factories.news_page(site_tree["news"], title="Osnutek o Mariboru", live=False),
        "other": factories.news_page(site_tree["news"], title="Zelena mesta"),
        "news": site_tree["news"],
    }


def found_ids(html):
    """Ids of the pages the admin lists with an edit link."""
    return {int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/', html)}


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Ljubljana", "ljubljana"),
        ("ljubljani", "ljubljana"),  # inflected: locative
        ("Ljubljanskih", "ljubljana"),  # adjective, genitive plural
        ("LJUBLJANO", "ljubljana"),
        ("sola", "school"),  # no accents typed
        ("ŠOLA", "school"),
        ("šoli", "school"),
        ("summer", "school"),  # the English title
        ("SUMMER SCHOOL", "school"),
        ("poletna summer", "school"),  # one term in each language
        ("mariborom", "draft"),  # drafts are found in the admin
    ],
)
def test_admin_page_search_finds_titles_in_both_languages_and_inflected(
    admin_client, pages, query, key
):
    response = admin_client.get(PAGE_SEARCH, {"q": query})
    assert response.status_code == 200
    ids = found_ids(response.content.decode())
    assert pages[key].pk in ids
    assert pages["other"].pk not in ids


def test_admin_page_search_without_a_match_lists_nothing(admin_client, pages):
    html = admin_client.get(PAGE_SEARCH, {"q": "kranjskih"}).content.decode()
    assert not found_ids(html) & {page.pk for page in pages.values()}


@pytest.mark.parametrize("query", ["%", "%_%", "' OR 1=1;--", "<script>", "\x00", "a" * 500])
def test_admin_page_search_survives_hostile_queries(admin_client, pages, query):
    response = admin_client.get(PAGE_SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_admin_page_search_facets_by_page_type(admin_client, pages):
    html = admin_client.get(PAGE_SEARCH, {"q": "ljubljana"}).content.decode()
    # The page type filter lists the kinds found, with their counts.
    assert "content_type=cities.citypage" in html
    filtered = admin_client.get(PAGE_SEARCH, {"q": "sola", "content_type": "news.newspage"})
    assert pages["school"].pk in found_ids(filtered.content.decode())


def test_explorer_search_box_uses_the_same_search(admin_client, pages):
    url = f"/admin/pages/{pages['news'].pk}/"
    ids = found_ids(admin_client.get(url, {"q": "summer"}).content.decode())
    assert pages["school"].pk in ids
    assert pages["other"].pk not in ids
    ids = found_ids(admin_client.get(url, {"q": "soli"}).content.decode())
    assert pages["school"].pk in ids


def test_page_chooser_search_finds_inflected_and_english_titles(admin_client, pages):
    for query in ("ljubljani", "Summer"):
        response = admin_client.get(CHOOSER_SEARCH, {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        key = "ljubljana" if query == "ljubljani" else "school"
        assert pages[key].title in html
        assert pages["other"].title not in html


def test_other_admin_searches_still_use_wagtails_backend(admin_client, db):
    factories.image("Tržnica ob reki")
    factories.image("Most")
    html = admin_client.get("/admin/images/", {"q": "tržnica"}).content.decode()
    assert "Tržnica ob reki" in html
    assert "Most" not in re.sub(r"<(script|nav|header)\b.*?</\1>", "", html, flags=re.S)
