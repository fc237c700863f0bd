"""HTTP caching rules of public pages (urbact_portal/http_cache.py), through Django's test
client: what the proxy and browsers may keep, the validators and when a page is never public.
The same rules through the real nginx proxy: tests/test_prod_stack.py."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils.http import parse_http_date

from tests import factories

PUBLIC = re.compile(r"^public, max-age=0, s-maxage=\d+$")


@pytest.fixture
def pages(site_tree):
    home = site_tree["home"]
    news = factories.news_page(
        site_tree["news"], title="Novica o predpomnjenju", title_en="Caching"
    )
    contact = factories.contact_page(home)
    return {"home": home, "news": news, "contact": contact, "news_index": site_tree["news"]}


def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.mark.django_db
def test_public_pages_are_public_with_validators(client, pages):
    for url in ("/", "/en/", pages["news"].url, pages["news_index"].url, "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert PUBLIC.match(response["Cache-Control"]), (url, response["Cache-Control"])
        assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"]), url
        assert parse_http_date(response["Last-Modified"]) > 0
        assert "set-cookie" not in {h.lower() for h in response.headers}, url
        # The address alone sets the language: nothing varies with Accept-Language.
        assert "accept-language" not in _vary(response), url


@pytest.mark.django_db
def test_language_does_not_follow_the_browser(client, pages):
    english_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert english_browser["Content-Language"] == "sl"
    assert 'lang="sl"' in english_browser.content.decode()
    assert client.get("/en/", HTTP_ACCEPT_LANGUAGE="sl")["Content-Language"] == "en"


@pytest.mark.django_db
def test_etag_differs_per_address_and_language(client, pages):
    tags = {client.get(url)["ETag"] for url in ("/", "/en/", pages["news"].url, "/?page=2")}
    assert len(tags) == 4


@pytest.mark.django_db
def test_unchanged_page_revalidates_with_304_without_rendering(
    client, pages, django_assert_num_queries
):
    # The minute stands still within the test (cache_minute, tests/conftest.py).
    first = client.get(pages["news"].url)
    with django_assert_num_queries(0):
        again = client.get(pages["news"].url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert PUBLIC.match(again["Cache-Control"])
    # nginx may have weakened the tag while compressing.
    weak = client.get(pages["news"].url, HTTP_IF_NONE_MATCH=f"W/{first['ETag']}")
    assert weak.status_code == 304
    other = client.get(pages["news"].url, HTTP_IF_NONE_MATCH='"0123"')
    assert other.status_code == 200 and b"Novica o predpomnjenju" in other.content


@pytest.mark.django_db
def test_the_etag_changes_with_the_minute(client, pages, cache_minute):
    """An ended event leaves the upcoming lists with time, not with a publish: a copy is
    vouched for within one minute at most."""
    first = client.get(pages["news"].url)["ETag"]
    assert client.get(pages["news"].url)["ETag"] == first
    cache_minute.advance()
    assert client.get(pages["news"].url)["ETag"] != first


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["publish", "unpublish", "settings"])
def test_any_change_gives_every_page_a_new_etag(client, pages, change):
    urls = ["/", "/en/", pages["news"].url, pages["news_index"].url]
    before = {url: client.get(url)["ETag"] for url in urls}
    if change == "publish":
        factories.news_page(pages["news_index"], title="Nova novica")
    elif change == "unpublish":
        pages["news"].unpublish()
    else:
        from urbact_portal.models import SiteSettings

        settings_row = SiteSettings.for_site(pages["home"].get_site())
        settings_row.footer_text_sl = "Nova noga"
        settings_row.save()
    for url in urls:
        response = client.get(url, HTTP_IF_NONE_MATCH=before[url])
        assert response.status_code in (200, 404), url
        if response.status_code == 200:
            assert response["ETag"] != before[url], url
    if change == "publish":
        assert "Nova novica" in client.get(pages["news_index"].url).content.decode()


@pytest.mark.django_db
def test_contact_page_is_never_public(client, pages):
    response = client.get(pages["contact"].url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")
    assert "ETag" not in response
    thanks = client.get(pages["contact"].url + "?hvala=1")
    assert thanks["Cache-Control"].startswith("private")


@pytest.mark.django_db
def test_logged_in_visitors_get_private_pages(client, pages):
    user = get_user_model().objects.create_superuser("urednik", "u@example.si", "geslo-123456")
    client.force_login(user)
    for url in ("/", pages["news"].url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-cache", url
        assert "ETag" not in response
        assert "cookie" in _vary(response)
    # A session never gets a 304 meant for the anonymous copy.
    anonymous_tag = client.get("/").get("ETag")
    assert anonymous_tag is None


@pytest.mark.django_db
def test_session_cookie_alone_makes_the_page_private(client, pages):
    client.cookies["sessionid"] = "nepoznana-seja"
    response = client.get("/")
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.django_db
def test_admin_posts_and_previews_are_not_public(client, pages):
    login = client.get("/admin/login/")
    assert "public" not in login.get("Cache-Control", "")
    search = client.post("/", {"q": "x"})
    assert "public" not in search.get("Cache-Control", "")
    assert "ETag" not in search


@pytest.mark.django_db
def test_not_found_is_cached_briefly_without_validators(client, pages):
    response = client.get("/ta-stran-ne-obstaja/")
    assert response.status_code == 404
    assert PUBLIC.match(response["Cache-Control"])
    assert "ETag" not in response


@pytest.mark.django_db
def test_health_check_is_never_cached(client):
    assert client.get("/healthz")["Cache-Control"] == "no-store"
