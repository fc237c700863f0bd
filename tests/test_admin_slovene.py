"""No English in the Slovene admin: the screens an editor uses - dashboard, page explorer, the
editor of every page type, images, documents, themes (snippets), settings, contact messages,
the account and the two-factor setup - shown in Slovene, checked for English interface words.

When this fails, its message names the screen and the word with its surroundings: find the
msgid (Wagtail's, wagtail-modeltranslation's or ours) and translate it - ours in locale/sl
(`make messages`), Wagtail's in locale_wagtail/sl/LC_MESSAGES/django.po."""

import json
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Site

from tests import factories
from tests.test_page_types import PAGE_KEYS, build_tree
from tests.test_translations_complete import visible_text
from urbact_portal.contact.models import ContactPage
from urbact_portal.contact.submissions import ContactSubmission
from urbact_portal.models import SiteSettings

# English words of Wagtail's and our admin interface. Each is matched as a whole word, case
# sensitive, in the text and the alt/title/aria-label/placeholder attributes an editor reads
# or hears. ("English", the name of a language in the language choice, is not among them.)
ENGLISH_ADMIN_WORDS = [
    "Account",
    "Actions",
    "Add",
    "Add child page",
    "Cancel",
    "Choose",
    "Collection",
    "Content",
    "Dashboard",
    "Delete",
    "Document",
    "Documents",
    "Draft",
    "Edit",
    "Editors",
    "Email",
    "File",
    "Help",
    "History",
    "Image",
    "Images",
    "Language",
    "Live",
    "Log out",
    "Minimap",
    "Moderators",
    "Moderators approval",
    "More",
    "Name",
    "Notifications",
    "Page",
    "Pages",
    "Password",
    "Preview",
    "Promote",
    "Publish",
    "Reports",
    "Save",
    "Save draft",
    "Search",
    "Settings",
    "Sign out",
    "Snippets",
    "Status",
    "Submit",
    "Tags",
    "Title",
    "Two-factor authentication",
    "Type",
    "Unpublish",
    "Updated",
    "Upload",
    "Users",
    "View live",
]


def definition_texts(html):
    """Labels, descriptions and help texts in the editor's block and panel definitions (JSON
    in scripts and data attributes): the StreamField menu and the checks show them."""
    values = re.findall(
        r'"(?:label|description|help_text|helpText|heading)": "((?:[^"\\]|\\.)*)"',
        unescape(html),
    )
    return " | ".join(json.loads(f'"{value}"') for value in values)


def english_words(text):
    found = []
    for word in ENGLISH_ADMIN_WORDS:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            start, end = max(0, match.start() - 50), match.end() + 50
            found.append(f"{word!r} in …{text[start:end]}…")
    return found


@pytest.fixture
def screens(db):
    """(name, URL) of every screen the walk visits, with content to show on each."""
    tree = build_tree()
    image = factories.image("Delavnica v Ljubljani")
    document = get_document_model()(title="Letno poročilo 2025")
    document.file.save("letno-porocilo.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 200), save=False)
    document.save()
    contact = ContactPage.objects.get()
    ContactSubmission.objects.create(
        page=contact,
        form_data={"name": "Ana Novak", "email": "ana@example.si", "message": "Pozdravljeni"},
    )
    site = Site.objects.get(is_default_site=True)
    SiteSettings.for_site(site)
    urls = [
        ("nadzorna plošča", "/admin/"),
        ("raziskovalec strani", reverse("wagtailadmin_explore", args=[tree["home"].pk])),
        ("seznam novic", reverse("wagtailadmin_explore", args=[tree["news_index"].pk])),
        ("slike", "/admin/images/"),
        ("urejanje slike", reverse("wagtailimages:edit", args=[image.pk])),
        ("dokumenti", "/admin/documents/"),
        ("urejanje dokumenta", reverse("wagtaildocs:edit", args=[document.pk])),
        ("teme", "/admin/snippets/urbact_portal/theme/"),
        (
            "urejanje teme",
            reverse("wagtailsnippets_urbact_portal_theme:edit", args=[tree["theme"].pk]),
        ),
        (
            "nastavitve",
            reverse("wagtailsettings:edit", args=["urbact_portal", "sitesettings", site.pk]),
        ),
        ("sporočila", reverse("wagtailforms:list_submissions", args=[contact.pk])),
        ("obrazci", reverse("wagtailforms:index")),
        ("račun", reverse("wagtailadmin_account")),
        ("dvostopenjska prijava", reverse("urbact_2fa_setup")),
        ("manjkajoči prevodi", reverse("urbact_missing_translations")),
    ]
    urls += [
        (f"urejanje: {key}", reverse("wagtailadmin_pages:edit", args=[tree[key].pk]))
        for key in PAGE_KEYS
    ]
    return urls


@pytest.mark.parametrize("role", ["superuser", "Uredniki"])
def test_the_slovene_admin_shows_no_english_interface_words(client, screens, role):
    User = get_user_model()
    if role == "superuser":
        user = User.objects.create_superuser("skrbnica", "skrbnica@ipop.si", "geslo-1234567")
    else:
        user = User.objects.create_user("urednik", "urednik@ipop.si", "geslo-1234567")
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    problems = []
    visited = 0
    for name, url in screens:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if role != "superuser" and response.status_code in (302, 403):
            continue  # a screen this role may not open (settings, messages)
        assert response.status_code == 200, f"{name} {url}: HTTP {response.status_code}"
        visited += 1
        html = response.content.decode()
        assert 'lang="sl"' in html[:300], f"{name} {url}: not in Slovene"
        text = visible_text(html) + " | " + definition_texts(html)
        problems += [f"{name} ({url}): {found}" for found in english_words(text)]
    assert visited >= 10
    assert not problems, "English words in the Slovene admin:\n" + "\n".join(problems)


def test_the_walk_would_catch_english(client, screens):
    """The check itself works: the English admin of the same screen is full of such words."""
    user = get_user_model().objects.create_superuser("skrbnica", "s@ipop.si", "geslo-1234567")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    found = " ".join(english_words(visible_text(html)))
    assert "'Dashboard'" in found and "'Pages'" in found
