"""When a page exists in English.

The site's one rule (DESIGN.md, README "Editing"): a page exists in English when its English
title (`title_en`, added by wagtail-modeltranslation) is set — not empty and not only blanks.
Everything under `/en/` that lists, links to or announces pages (listings, home and related
sections, feeds, the map, the sitemap, search, `hreflang`) asks this module, so the rule is
written once.
"""

from django.db.models import Q
from django.utils.translation import get_language
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname


def english_exists_q(prefix=""):
    """A Q matching pages whose English title is set (has a character other than blanks).

    `prefix` reaches the page through a relation: `english_exists_q("page__")` on a model
    with a foreign key `page` to a page. NULL titles do not match (NULL never matches a
    regular expression)."""
    return Q(**{f"{prefix}title_en__regex": r"\S"})


def page_exists_in_english(page):
    """Whether `page` (any Page, specific or not) exists in English. False for None."""
    title = getattr(page, "title_en", None)
    return bool(title and title.strip())


def exists_in(page, language) -> bool:
    """Whether `page` exists in `language`: in Slovene every page, in English those whose
    English title is set."""
    return language == mt_settings.DEFAULT_LANGUAGE or page_exists_in_english(page)


def english_active():
    """Whether the active language is English (the site's other language than Slovene)."""
    return (get_language() or mt_settings.DEFAULT_LANGUAGE) != mt_settings.DEFAULT_LANGUAGE


def active_language_q(prefix=""):
    """A Q matching the pages shown in the active language: every page in Slovene, on the
    English site only the pages that exist in English. Listings, home and related sections,
    feeds, the map and the menu filter with it (no extra query: it is a condition of the
    listing's own query)."""
    return english_exists_q(prefix) if english_active() else Q()


def _has_value(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        return len(value) > 0  # a StreamValue, a list
    except TypeError:
        return bool(value)


def falls_back_to_slovene(obj, field):
    """Whether `obj.<field>` (a field translated with modeltranslation) shows the Slovene
    value in the active language: English is active, the English value is empty and the
    Slovene one is not. Reads only the instance's attributes (no query)."""
    if obj is None or not english_active():
        return False
    language = get_language()
    try:
        translated = getattr(obj, build_localized_fieldname(field, language))
        original = getattr(obj, build_localized_fieldname(field, mt_settings.DEFAULT_LANGUAGE))
    except AttributeError:  # not a translated field
        return False
    return not _has_value(translated) and _has_value(original)
