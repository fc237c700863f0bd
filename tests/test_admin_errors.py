"""Errors where the editor looks: a slug that collides (in Slovene, in English, or in English
through the fallback to the Slovene slug) is one Slovene message on the field that holds it,
naming and linking the page in the way; a malformed slug is a Slovene message too; nothing
typed is lost. The browser side (the language and tab shown) is in
tests/test_admin_errors_browser.py."""

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsPage
from tests import factories
from tests.admin_form_data import page_form_data
from tests.test_admin import add_url, edit_url
from urbact_portal.contact.models import ContactPage


@pytest.fixture
def news(site_tree):
    index = site_tree["news"]
    first = factories.news_page(index, "Prva novica")
    first.title_en = "First news"
    first.slug_en = "first"
    first.save_revision().publish()
    return {"index": index, "first": first}


def new_news(**fields):
    data = {
        "title_sl": "Druga novica",
        "slug_sl": "druga-novica",
        "title_en": "Second news",
        "slug_en": "second",
        "date": timezone.localdate().strftime("%d. %m. %Y"),
        "intro_sl": "Uvod druge novice.",
        "intro_en": "",
        "body_sl-count": "0",
        "body_en-count": "0",
        "action-publish": "action-publish",
    }
    data.update(fields)
    return data


def field_errors(response, field):
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def field_html(response, field):
    """The rendered field: its errors and its input."""
    html = response.content.decode()
    start = html.index(f'data-contentpath="{field}"')
    return html[start : html.index(f'id="id_{field}"', start)]


@pytest.mark.django_db
def test_english_slug_collision_names_and_links_the_other_page(admin_client, news):
    response = admin_client.post(add_url(NewsPage, news["index"]), new_news(slug_en="first"))
    assert response.status_code == 200
    errors = field_errors(response, "slug_en")
    assert len(errors) == 1, errors  # one message, not Wagtail's and modeltranslation's too
    assert "Angleški ključ »first« v angleščini že uporablja stran" in errors[0]
    link = reverse("wagtailadmin_pages:edit", args=[news["first"].pk])
    html = field_html(response, "slug_en")
    assert f'<a href="{link}">Prva novica</a>' in html  # a real link, not escaped text
    assert "already in use" not in response.content.decode()
    # Nothing typed is lost.
    for name, value in (("title_sl", "Druga novica"), ("slug_en", "first")):
        assert f'name="{name}" value="{value}"' in response.content.decode()
    assert not NewsPage.objects.filter(title_sl="Druga novica").exists()


@pytest.mark.django_db
def test_slovene_slug_collision_is_one_slovene_message(admin_client, news):
    data = new_news(slug_sl=news["first"].slug_sl)
    response = admin_client.post(add_url(NewsPage, news["index"]), data)
    assert response.status_code == 200
    errors = field_errors(response, "slug_sl")
    assert len(errors) == 1, errors
    assert f"Ključ »{news['first'].slug_sl}« že uporablja stran" in errors[0]
    assert "Prva novica" in errors[0]
    assert "slug" not in response.context["form"].errors


@pytest.mark.django_db
def test_empty_english_slug_falling_back_to_a_taken_one_is_explained(admin_client, news):
    data = new_news(slug_sl="first", slug_en="")
    response = admin_client.post(add_url(NewsPage, news["index"]), data)
    assert response.status_code == 200
    errors = field_errors(response, "slug_en")
    assert len(errors) == 1
    assert "Brez angleškega ključa bi angleški naslov uporabil slovenski ključ »first«" in errors[0]
    assert not field_errors(response, "slug_sl")  # Slovene "first" is free in Slovene


@pytest.mark.django_db
def test_editing_a_page_into_a_collision_keeps_the_edit(admin_client, news):
    second = factories.news_page(news["index"], "Druga novica")
    data = page_form_data(admin_client, second)
    data.update(title_en="Second news", slug_en="first", intro_sl="Spremenjen uvod.")
    response = admin_client.post(edit_url(second), data)
    assert response.status_code == 200
    assert "Prva novica" in field_errors(response, "slug_en")[0]
    assert "Spremenjen uvod." in response.content.decode()
    second.refresh_from_db()
    assert second.slug_en in (None, "")


@pytest.mark.django_db
def test_a_page_may_keep_its_own_slugs(admin_client, news):
    """Saving a page unchanged is not a collision with itself."""
    data = page_form_data(admin_client, news["first"])
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url(news["first"]), data)
    assert response.status_code == 302


@pytest.mark.django_db
def test_same_slug_under_another_parent_is_fine(admin_client, news, site_tree):
    response = admin_client.post(
        add_url(NewsPage, news["index"]), new_news(slug_sl="novice", slug_en="news")
    )
    assert response.status_code == 302  # the news index's own slugs, one level up


@pytest.mark.django_db
def test_malformed_slug_is_a_slovene_message(admin_client, news):
    response = admin_client.post(add_url(NewsPage, news["index"]), new_news(slug_en="Moj ključ!"))
    assert response.status_code == 200
    errors = field_errors(response, "slug_en")
    assert errors and errors[0].startswith("Vnesite veljaven ključ")
    assert "Enter a valid" not in response.content.decode()
    assert 'value="Moj ključ!"' in response.content.decode()


@pytest.mark.django_db
def test_contact_page_slug_collision_too(admin_client, home):
    factories.contact_page(home)
    existing = ContactPage.objects.get()
    other = factories.standard_page(home, "O programu")
    data = page_form_data(admin_client, other)
    data["slug_sl"] = existing.slug_sl
    response = admin_client.post(edit_url(other), data)
    assert response.status_code == 200
    assert existing.title_sl in field_errors(response, "slug_sl")[0]
