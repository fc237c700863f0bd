from django.utils import translation
from wagtail.models import Page

from tests import factories
from urbact_portal.routing import child_slug_filter


def test_tree_urls_in_both_languages(site_tree):
    news = factories.news_page(site_tree["news"], title="Prva novica", title_en="First news")
    assert news.url_path_sl == "/domov/novice/prva-novica/"
    with translation.override("sl"):
        assert news.url == "/novice/prva-novica/"
    with translation.override("en"):
        assert news.url == "/en/news/first-news/"


def test_child_found_by_slug_in_active_language_with_slovene_fallback(site_tree):
    translated = factories.news_page(site_tree["news"], title="Ena", title_en="One")
    untranslated = factories.news_page(site_tree["news"], title="Dva")
    children = Page.objects.child_of(site_tree["news"])
    with translation.override("en"):
        assert children.filter(child_slug_filter("one")).get().pk == translated.pk
        assert children.filter(child_slug_filter("dva")).get().pk == untranslated.pk
        assert not children.filter(child_slug_filter("ena")).exists()
    with translation.override("sl"):
        assert children.filter(child_slug_filter("ena")).get().pk == translated.pk
        assert not children.filter(child_slug_filter("one")).exists()
