"""The translated-slug router (urbact_portal/routing.py) keeps Wagtail's routing contract:
routable sub-pages under translated slugs with `request.routable_resolver_match`, the parent
cached on the page found, view restrictions, redirects, and the default language from the
settings."""

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from tests import factories
from urbact_portal.routing import child_slug_filter


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "name"), [("/novice/rss/", "rss"), ("/en/news/rss/", "rss"), ("/en/news/", "listing")]
)
def test_routable_sub_pages_under_translated_slugs_set_the_resolver_match(
    site_tree, client, path, name
):
    factories.news_page(site_tree["news"], title="Novica", title_en="A news item")
    response = client.get(path)
    assert response.status_code == 200
    match = response.wsgi_request.routable_resolver_match
    assert match.url_name == name
    assert match.func.__self__.pk == site_tree["news"].pk


@pytest.mark.django_db
def test_the_page_found_knows_its_parent_without_a_query(site_tree, django_assert_num_queries):
    news = factories.news_page(site_tree["news"], title="Novica", title_en="A news item")
    request = RequestFactory().get("/en/news/a-news-item/")
    with translation.override("en"):
        page, _args, _kwargs = site_tree["home"].specific.route(request, ["news", "a-news-item"])
    assert page.pk == news.pk
    with django_assert_num_queries(0):
        assert page.get_parent().pk == site_tree["news"].pk


@pytest.mark.django_db
def test_view_restrictions_hold_under_translated_slugs(site_tree, client):
    factories.news_page(site_tree["news"], title="Interna", title_en="Internal")
    PageViewRestriction.objects.create(
        page=site_tree["news"], restriction_type=PageViewRestriction.PASSWORD, password="geslo123"
    )
    for path in ("/novice/", "/en/news/", "/en/news/internal/", "/novice/interna/"):
        html = client.get(path).content.decode()
        assert 'name="password"' in html, path  # Wagtail's password form, not the page
        assert "Interna" not in html and "Internal" not in html
    PageViewRestriction.objects.all().delete()
    PageViewRestriction.objects.create(
        page=site_tree["news"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/news/internal/")
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_redirects_lead_to_the_page_in_either_language(site_tree, client):
    Redirect.add_redirect("/stare-novice", redirect_to=site_tree["news"])
    Redirect.add_redirect("/en/old-news", redirect_to="/en/news/")
    response = client.get("/stare-novice/")
    assert response.status_code == 301
    assert response["Location"].endswith("/novice/")
    response = client.get("/en/old-news/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/"
    assert client.get("/en/not-there/").status_code == 404


@pytest.mark.django_db
def test_the_default_language_comes_from_the_settings(site_tree):
    news = site_tree["news"]
    Page.objects.filter(pk=news.pk).update(slug_sl="")  # no Slovene slug, an English one
    children = Page.objects.child_of(site_tree["home"])
    with translation.override("sl"):
        assert not children.filter(child_slug_filter("news")).exists()
        with override_settings(MODELTRANSLATION_DEFAULT_LANGUAGE="en"):
            assert children.filter(child_slug_filter("news")).get().pk == news.pk
    with translation.override("de"), override_settings(MODELTRANSLATION_DEFAULT_LANGUAGE="en"):
        # A language the site does not have routes as the default one.
        assert children.filter(child_slug_filter("news")).get().pk == news.pk
