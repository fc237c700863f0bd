"""When a page exists in English.

The site's one rule (DESIGN.md, README "Editing"): a page exists in English when its English
title (`title_en`, added by wagtail-modeltranslation) is set — not empty and not only blanks.
Everything under `/en/` that lists, links to or announces pages (listings, home and related
sections, feeds, the map, the sitemap, search, `hreflang`) asks this module, so the rule is
written once.
"""

from django.db.models import Q


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
