"""The site's document model (urbact_portal.SiteDocument, WAGTAILDOCS_DOCUMENT_MODEL): editors
upload and edit documents in the Slovene admin with a Slovene and an English title and
description, and the site shows each language's title."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests import factories
from urbact_portal.models import SiteDocument

PDF = b"%PDF-1.4\n" + b"x" * 3000


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("urednica", "urednica@ipop.si", "geslo-1234567")
    user.groups.add(Group.objects.get(name="Uredniki"))
    return user


def test_the_site_uses_its_own_document_model():
    assert get_document_model() is SiteDocument


def test_an_editor_uploads_a_document_with_both_titles(client, editor):
    client.force_login(editor)
    form = client.get(reverse("wagtaildocs:add"))
    assert form.status_code == 200
    html = form.content.decode()
    for label in ("Naslov (slovensko)", "Naslov (angleško)", "Opis (slovensko)", "Opis (angleško)"):
        assert label in html

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Vodnik za prijavitelje",
            "title_en": "Guide for applicants",
            "file": SimpleUploadedFile("vodnik.pdf", PDF, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": "Kako oddati prijavo na razpis.",
            "description_en": "How to apply to the call.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = SiteDocument.objects.get()
    assert document.title_sl == "Vodnik za prijavitelje"
    assert document.title_en == "Guide for applicants"
    assert document.description_sl == "Kako oddati prijavo na razpis."
    assert document.description_en == "How to apply to the call."
    assert document.uploaded_by_user == editor
    assert document.file_size == len(PDF)
    assert document.file.read() == PDF


def test_the_multiple_upload_creates_a_document_named_after_its_file(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("porocilo-2025.pdf", PDF),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    data = json.loads(response.content)
    assert data["success"], data
    document = SiteDocument.objects.get(pk=data["doc_id"])
    assert document.title_sl == "porocilo-2025.pdf"
    assert "Naslov (angleško)" in data["form"]

    # The row's form then sets the titles and the description.
    prefix = f"doc-{document.pk}"
    response = client.post(
        reverse("wagtaildocs:edit_multiple", args=[document.pk]),
        {
            f"{prefix}-title": "Letno poročilo 2025",
            f"{prefix}-title_en": "Annual report 2025",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-tags": "",
            f"{prefix}-description": "Poročilo o delu nacionalne točke.",
            f"{prefix}-description_en": "",
        },
    )
    assert json.loads(response.content)["success"]
    document.refresh_from_db()
    assert (document.title_sl, document.title_en) == ("Letno poročilo 2025", "Annual report 2025")
    assert document.description_sl == "Poročilo o delu nacionalne točke."


def test_an_admin_in_english_still_writes_the_slovene_title(client, editor):
    """The plain title field is the Slovene one, whatever language the admin speaks."""
    UserProfile.get_for_user(editor)
    UserProfile.objects.filter(user=editor).update(preferred_language="en")
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("navodila.pdf", PDF)},
    )
    document = SiteDocument.objects.get(pk=json.loads(response.content)["doc_id"])
    assert document.title_sl == "navodila.pdf"
    edit = client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert edit.status_code == 200
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Navodila",
            "title_en": "Instructions",
            "collection": document.collection_id,
            "tags": "",
            "description": "",
            "description_en": "",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title_sl, document.title_en) == ("Navodila", "Instructions")


def test_each_language_shows_its_title_of_a_document(home, client):
    document = SiteDocument(title="Letno poročilo", title_en="Annual report")
    document.file.save("porocilo.pdf", ContentFile(PDF), save=False)
    document.save()
    block = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    page = factories.standard_page(
        home, title="Gradivo", title_en="Material", body=json.dumps(block)
    )
    page.body_en = json.dumps(block)
    page.save_revision().publish()

    slovene = client.get(page.url).content.decode()
    assert '<span class="block-document__title">Letno poročilo</span>' in slovene
    with translation.override("en"):
        english_url = page.get_url()
    english = client.get(english_url).content.decode()
    assert '<span class="block-document__title">Annual report</span>' in english

    # Without an English title the English site falls back to the Slovene one.
    document.title_en = ""
    document.save()  # a saved document is new content (signals.py): pages render afresh
    english = client.get(english_url).content.decode()
    assert '<span class="block-document__title">Letno poročilo</span>' in english
