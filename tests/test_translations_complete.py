"""The Slovene catalogue is complete and in step with the code, and the Slovene site shows no
English interface words.

When one of these fails, its message lists exactly what to do: the msgids to translate (run
`make messages`, then fill in their msgstr), the stale ones, or the English words on a page."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from tests.test_page_types import PAGE_KEYS as TREE_PAGE_KEYS
from tests.test_page_types import build_tree

SL_PO = Path(settings.BASE_DIR) / "locale" / "sl" / "LC_MESSAGES" / "django.po"
# Hand-kept Slovene for admin strings that Wagtail and wagtail-modeltranslation lack.
WAGTAIL_SL = Path(settings.BASE_DIR) / "locale_wagtail" / "sl" / "LC_MESSAGES"
ALL_CATALOGUES = [SL_PO, WAGTAIL_SL / "django.po", WAGTAIL_SL / "djangojs.po"]

# Python-format placeholders: %(name)s, %(count)d, %s … (and "%%", a literal percent sign).
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[sdifgeExXor%]")

# English words our templates and models use in the interface. None of them may appear on a
# Slovene page (as text or in alt, title, aria-label, placeholder attributes).
ENGLISH_UI_WORDS = [
    "Skip to content",
    "Skip to main content",
    "Search",
    "Search results",
    "No results",
    "Next",
    "Previous",
    "Read more",
    "More",
    "Filter",
    "Filters",
    "Apply",
    "Reset",
    "Clear",
    "All themes",
    "All years",
    "All types",
    "All periods",
    "All cities",
    "All countries",
    "All regions",
    "Theme",
    "Themes",
    "Year",
    "Country",
    "Region",
    "Menu",
    "Close",
    "Open menu",
    "Home",
    "Home page",
    "Breadcrumb",
    "Breadcrumbs",
    "You are here",
    "Main navigation",
    "Navigation",
    "Contact",
    "Contact us",
    "Phone",
    "Email",
    "E-mail",
    "Page",
    "Pages",
    "of",
    "Published",
    "Updated",
    "Share",
    "Download",
    "Related",
    "Related news",
    "Latest news",
    "News",
    "Networks",
    "Network",
    "Good practices",
    "Good practice",
    "Cities",
    "City",
    "Partners",
    "Partner cities",
    "Lead partner",
    "Slovenian cities",
    "Programme period",
    "Population",
    "Website",
    "Map",
    "Map of Slovenia",
    "Play video",
    "Watch on YouTube",
    "Privacy",
    "Privacy policy",
    "Accessibility",
    "Accessibility statement",
    "Follow us",
    "Language",
    "Back to top",
    "Show all",
    "Show more",
    "Page not found",
    "Sorry",
]

# Slovene pages to check: (name, URL); the tree comes from tests/test_page_types.build_tree().
PAGE_KEYS = TREE_PAGE_KEYS  # every page type, the contact page included
EXTRA_URLS = [
    "/iskanje/?q=prenova",
    "/novice/?page=2",
    "/stran-ki-je-ni/",  # the 404 page
]


def catalogue(path=SL_PO):
    return polib.pofile(str(path))


def catalogue_name(path):
    return str(Path(path).relative_to(settings.BASE_DIR))


def describe(entry):
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    plural = f" / {entry.msgid_plural!r}" if entry.msgid_plural else ""
    return f"  {entry.msgid!r}{plural}{context}"


def listing(title, entries, hint):
    lines = "\n".join(describe(e) for e in entries)
    return f"{title} ({len(entries)}):\n{lines}\n{hint}"


def live_entries(po):
    return [e for e in po if not e.obsolete and e.msgid]


# --- the catalogue itself ----------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_CATALOGUES, ids=catalogue_name)
def test_sl_catalogue_declares_slovene_plural_forms(path):
    plural_forms = catalogue(path).metadata.get("Plural-Forms", "")
    assert "nplurals=4" in plural_forms, plural_forms
    assert "n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3" in plural_forms


@pytest.mark.parametrize("path", ALL_CATALOGUES, ids=catalogue_name)
def test_every_msgid_has_a_slovene_translation(path):
    untranslated = []
    for entry in live_entries(catalogue(path)):
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(4)]
            if not all(form.strip() for form in forms):
                untranslated.append(entry)
        elif not entry.msgstr.strip():
            untranslated.append(entry)
    assert not untranslated, listing(
        f"msgids without a Slovene msgstr in {catalogue_name(path)}",
        untranslated,
        "Fill in msgstr (all four plural forms msgstr[0..3] for plurals).",
    )


@pytest.mark.parametrize("path", ALL_CATALOGUES, ids=catalogue_name)
def test_no_translation_is_fuzzy(path):
    fuzzy = [e for e in live_entries(catalogue(path)) if "fuzzy" in e.flags]
    assert not fuzzy, listing(
        "fuzzy entries (gettext ignores them: the site shows English)",
        fuzzy,
        "Check each translation, correct it and remove the '#, fuzzy' flag.",
    )


@pytest.mark.parametrize("path", ALL_CATALOGUES, ids=catalogue_name)
def test_translations_keep_the_placeholders(path):
    """A msgstr that drops or renames %(count)d or %(name)s breaks at run time."""
    broken = []
    for entry in live_entries(catalogue(path)):
        if "python-format" not in entry.flags:
            continue
        if entry.msgid_plural:
            expected = sorted(set(PLACEHOLDER.findall(entry.msgid_plural)))
            # Slovene plural forms may leave out a count the English singular spells as "1".
            for form in entry.msgstr_plural.values():
                if form and not set(PLACEHOLDER.findall(form)) <= set(expected) | set(
                    PLACEHOLDER.findall(entry.msgid)
                ):
                    broken.append(entry)
                    break
        elif entry.msgstr and sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ):
            broken.append(entry)
    assert not broken, listing(
        "translations whose placeholders differ from the msgid", broken, "Keep %(...)s as is."
    )


def test_wagtail_supplement_only_holds_strings_of_the_installed_packages():
    """locale_wagtail/ translates what Wagtail, wagtail-modeltranslation (and Django itself,
    in the admin) show untranslated; a msgid they no longer use is dead weight (after an
    upgrade, check the list)."""
    import django
    import wagtail
    import wagtail_modeltranslation

    wagtail_dir = Path(wagtail.__file__).parent
    known = set()
    for po_path in [
        *wagtail_dir.glob("**/locale/en/LC_MESSAGES/*.po"),
        *Path(django.__file__).parent.glob("conf/locale/en/LC_MESSAGES/*.po"),
    ]:
        known |= {e.msgid for e in polib.pofile(str(po_path))}
    modeltranslation_source = "".join(
        path.read_text() for path in Path(wagtail_modeltranslation.__file__).parent.glob("*.py")
    )
    stale = [
        entry
        for path in ALL_CATALOGUES[1:]
        for entry in live_entries(catalogue(path))
        if entry.msgid not in known and repr(entry.msgid)[1:-1] not in modeltranslation_source
    ]
    assert not stale, listing(
        "msgids in locale_wagtail/ that the installed Wagtail no longer uses",
        stale,
        "Remove them from locale_wagtail/sl/LC_MESSAGES/.",
    )


# --- the catalogue in step with the code -------------------------------------------------


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The msgids `make messages` would extract from the code now, extracted into a copy so
    the real catalogue is not touched."""
    tmp = tmp_path_factory.mktemp("messages")
    source = tmp / "src"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "locale",
            "var",
            "media",
            "staticfiles",
            "node_modules",
            "__pycache__",
            "*.egg-info",
            ".pytest_cache",
            ".ruff_cache",
            "*.sqlite3",
            "*.po",
            "*.mo",
            "test-results",
        ),
    )
    output = tmp / "locale"
    output.mkdir()
    (tmp / "messages_settings.py").write_text(
        f"from urbact_portal.settings.test import *  # noqa\nLOCALE_PATHS = [{str(output)!r}]\n"
    )
    env = {
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "PYTHONPATH": str(tmp),
        "DJANGO_SETTINGS_MODULE": "messages_settings",
        "HOME": str(tmp),
    }
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "-l",
        "sl",
        "--no-location",
        "--no-obsolete",
        "--ignore=.venv",
        "--ignore=var",
        "--ignore=staticfiles",
    ]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    po = polib.pofile(str(output / "sl" / "LC_MESSAGES" / "django.po"))
    return {(e.msgctxt, e.msgid): e for e in live_entries(po)}


def test_every_string_in_the_code_is_in_the_catalogue(extracted):
    known = {(e.msgctxt, e.msgid) for e in live_entries(catalogue())}
    missing = [entry for key, entry in sorted(extracted.items(), key=str) if key not in known]
    assert not missing, listing(
        "strings in the code that locale/sl/LC_MESSAGES/django.po lacks",
        missing,
        "Run `make messages`, then translate them.",
    )


def test_the_catalogue_has_no_stale_strings(extracted):
    stale = [e for e in live_entries(catalogue()) if (e.msgctxt, e.msgid) not in extracted]
    assert not stale, listing(
        "msgids in locale/sl/LC_MESSAGES/django.po that the code no longer uses",
        stale,
        "Run `make messages` (it marks them obsolete).",
    )


# --- no English on the Slovene site ------------------------------------------------------


def visible_text(html):
    """What a visitor reads or hears: text, plus alt/title/aria-label/placeholder values."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    attributes = re.findall(
        r'\s(?:alt|title|aria-label|placeholder|aria-description)="([^"]*)"', html, flags=re.I
    )
    text = strip_tags(re.sub(r"<head\b.*?</head>", " ", html, flags=re.S | re.I))
    title = re.findall(r"<title>(.*?)</title>", html, flags=re.S | re.I)
    return re.sub(r"\s+", " ", " ".join([text, *attributes, *title]))


def english_words_in(text):
    found = []
    for word in ENGLISH_UI_WORDS:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            start, end = max(0, match.start() - 40), match.end() + 40
            found.append(f"{word!r} in …{text[start:end]}…")
    return found


@pytest.mark.django_db
def test_slovene_pages_show_no_english_interface_words(client):
    tree = build_tree()
    with translation.override("sl"):
        urls = [(key, tree[key].url) for key in PAGE_KEYS]
    urls += [(url, url) for url in EXTRA_URLS]
    problems = []
    for name, url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="sl")
        if response.status_code not in (200, 404):
            problems.append(f"{name} {url}: HTTP {response.status_code}")
            continue
        html = response.content.decode()
        if not re.search(r'<html[^>]*lang="sl"', html):
            problems.append(f"{name} {url}: not served in Slovene")
        found = english_words_in(visible_text(html))
        problems += [f"{name} {url}: {item}" for item in found]
    assert not problems, "English interface words on Slovene pages:\n" + "\n".join(problems)
