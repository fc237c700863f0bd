"""Which pages exist in English, for the editors: the page explorer's column "Angleščina" and
the report "Manjkajoči prevodi" (pages without an English title; pages with one but with
body text left untranslated), with its filters and links to edit."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories
from tests.test_admin import sidebar_menu
from urbact_portal import translation_status

REPORT = "/admin/porocila/manjkajoci-prevodi/"


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(site_tree):
    index = site_tree["news"]
    only_slovene = factories.news_page(index, "Samo slovenska novica")
    partial = factories.news_page(
        index,
        "Delno prevedena novica",
        title_en="Partly translated news",
        slug_en="partly-translated",
        body_sl=paragraph("Slovensko besedilo."),
    )
    full = factories.news_page(
        index,
        "Prevedena novica",
        title_en="Translated news",
        slug_en="translated",
        intro_en="An English intro.",
        body_sl=paragraph("Slovensko besedilo."),
        body_en=paragraph("English text."),
    )
    return dict(site_tree, only_slovene=only_slovene, partial=partial, full=full)


def rows(html):
    """The report's rows as {title: row text}."""
    result = {}
    for row in re.findall(r"<tr\b[^>]*>(.*?)</tr>", html, re.S):
        title = re.search(r'id="page_\d+_title">(.*?)</(?:span|a)>', row, re.S)
        if title:
            text = re.sub(r"<[^>]+>", " ", title.group(1))
            result[re.sub(r"\s+", " ", text).strip()] = re.sub(r"\s+", " ", row)
    return result


@pytest.mark.django_db
def test_the_rule_behind_the_report(pages):
    without = set(translation_status.pages_without_english().values_list("pk", flat=True))
    partly = set(translation_status.pages_partly_in_english().values_list("pk", flat=True))
    assert pages["only_slovene"].pk in without
    assert pages["partial"].pk in partly and pages["partial"].pk not in without
    assert pages["full"].pk not in without | partly
    # The partly translated news lacks its English intro and body.
    fields = translation_status.untranslated_fields(pages["partial"].specific)
    assert [str(f) for f in fields] == ["Uvod", "Vsebina"]


@pytest.mark.django_db
def test_report_lists_what_is_missing_with_links_to_edit(admin_client, pages):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Manjkajoči prevodi" in html
    found = rows(html)
    assert "Samo slovenska novica" in found
    assert "Delno prevedena novica" in found
    assert "Prevedena novica" not in found
    assert "Ni angleške različice" in found["Samo slovenska novica"]
    partial_row = found["Delno prevedena novica"]
    assert "Angleški naslov »Partly translated news«; neprevedeno:" in partial_row
    assert "Uvod, Vsebina" in partial_row
    edit = reverse("wagtailadmin_pages:edit", args=[pages["partial"].pk])
    assert f'href="{edit}"' in partial_row


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,expected",
    [
        ("problem=missing", {"Samo slovenska novica"}),
        ("problem=partial", {"Delno prevedena novica"}),
    ],
)
def test_report_filters(admin_client, pages, query, expected):
    html = admin_client.get(f"{REPORT}?{query}").content.decode()
    found = set(rows(html)) & {"Samo slovenska novica", "Delno prevedena novica"}
    assert found == expected


@pytest.mark.django_db
def test_report_filters_by_page_type(admin_client, pages):
    from django.contrib.contenttypes.models import ContentType

    from urbact_portal.models import StandardPage

    factories.standard_page(pages["home"], "Samo slovenska stran")
    standard = ContentType.objects.get_for_model(StandardPage)
    found = rows(admin_client.get(f"{REPORT}?content_type={standard.pk}").content.decode())
    assert "Samo slovenska stran" in found
    assert "Samo slovenska novica" not in found


@pytest.mark.django_db
def test_report_is_in_the_reports_menu_for_editors(client, pages):
    editor = get_user_model().objects.create_user("urednik", "u@example.si", "geslo-12345")
    editor.groups.add(Group.objects.get(name="Uredniki"))
    client.force_login(editor)
    menu = dict(sidebar_menu(client.get("/admin/").content.decode()))
    assert "Manjkajoči prevodi" in menu["Poročila"]
    assert client.get(REPORT).status_code == 200


def measured_report_queries(admin_client):
    """The report's queries once its caches are warm: the first request after a change of
    content rebuilds the version-keyed caches, the second is measured."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin_client.get(REPORT)
    with CaptureQueriesContext(connection) as ctx:
        response = admin_client.get(REPORT)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_report_query_count_stays_flat(admin_client, pages):
    few, _ = measured_report_queries(admin_client)
    assert 0 < few <= 60
    for i in range(15):
        factories.news_page(pages["news"], f"Dodatna novica {i}")
        factories.news_page(
            pages["news"],
            f"Dodatna delna novica {i}",
            title_en=f"Extra news {i}",
            slug_en=f"extra-{i}",
        )
    many, html = measured_report_queries(admin_client)
    assert "Dodatna delna novica 14" in html
    assert many == few


@pytest.mark.django_db
def test_explorer_shows_which_pages_exist_in_english(admin_client, pages):
    html = admin_client.get(reverse("wagtailadmin_explore", args=[pages["news"].pk])).content
    html = html.decode()
    assert "Angleščina" in html
    found = rows(html)
    assert "samo slovensko" in found["Samo slovenska novica"]
    assert "samo slovensko" not in found["Prevedena novica"]
    assert ">da<" in found["Prevedena novica"].replace(" ", "")
