"""The one definition of "a page exists in English" (urbact_portal/english.py)."""

import pytest
from wagtail.models import Page

from tests import factories
from urbact_portal.english import english_exists_q, page_exists_in_english


@pytest.fixture
def pages(site_tree):
    news = site_tree["news"]
    result = {
        "english": factories.news_page(news, title="Angleška", title_en="English"),
        "slovene": factories.news_page(news, title="Samo slovenska"),
        "blank": factories.news_page(news, title="Prazna", title_en="   ", slug_en="blank"),
        "empty": factories.news_page(news, title="Prazen niz"),
    }
    Page.objects.filter(pk=result["empty"].pk).update(title_en="")
    return result


def test_page_exists_in_english_reads_the_english_title(pages):
    assert page_exists_in_english(pages["english"])
    assert not page_exists_in_english(pages["slovene"])
    assert not page_exists_in_english(pages["blank"])
    assert not page_exists_in_english(pages["empty"])
    assert not page_exists_in_english(None)


def test_page_exists_in_english_on_a_generic_page(pages):
    generic = Page.objects.get(pk=pages["english"].pk)
    assert page_exists_in_english(generic)
    assert not page_exists_in_english(Page.objects.get(pk=pages["blank"].pk))


def test_q_selects_exactly_the_pages_with_an_english_title(pages):
    ids = {page.pk for page in pages.values()}
    found = set(Page.objects.filter(english_exists_q(), pk__in=ids).values_list("pk", flat=True))
    assert found == {pages["english"].pk}
    others = set(
        Page.objects.exclude(english_exists_q()).filter(pk__in=ids).values_list("pk", flat=True)
    )
    assert others == {pages["slovene"].pk, pages["blank"].pk, pages["empty"].pk}


def test_q_agrees_with_the_page_test_on_every_page(pages):
    by_q = set(Page.objects.filter(english_exists_q()).values_list("pk", flat=True))
    by_page = {page.pk for page in Page.objects.all() if page_exists_in_english(page)}
    assert by_q == by_page


def test_q_through_a_relation(pages, home):
    """The prefix reaches a page through a foreign key (a site's root page)."""
    from wagtail.models import Site

    assert Site.objects.filter(english_exists_q("root_page__")).exists()
    Page.objects.filter(pk=home.pk).update(title_en=" ")
    assert not Site.objects.filter(english_exists_q("root_page__")).exists()
