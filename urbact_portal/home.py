"""Data for the home page: the editor's links and the sections content apps add.

The home page names no content app: each app registers its sections (the live figures,
the latest news, …) with extensions.register_home_section(), and this module builds them in
their order. Sections marked `cached` are kept per site, language and content version
(site_cache.py); the others cost a fixed number of queries each, whatever the number of
pages."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction, Site

from . import extensions, site_cache
from .english import english_active, page_exists_in_english
from .site_cache import content_version, get_or_build


def private_q(request=None):
    """Pages under a view restriction, for the sections' lists to exclude. The restricted
    sections are cached with the rest (a new restriction bumps the content version)."""
    paths = get_or_build(
        request,
        "private-paths",
        0,
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def _link(page, request):
    if page is None or not page.live:
        return None
    if english_active() and not page_exists_in_english(page):
        return None  # the English home page links only to English pages
    url = page.get_url(request)
    return {"url": url, "title": page.title} if url else None


def home_links(page, request) -> dict:
    """The "More information" and NUP links (pages chosen by the editor)."""
    return {
        "hero_link": _link(page.hero_link, request) if page.hero_link_id else None,
        "nup_link": _link(page.nup_link, request) if page.nup_link_id else None,
    }


def _fragment_key(request, site_id) -> str | None:
    """What the rendered main sections depend on: the content version, the minute (upcoming
    events pass with time), the site and the language. None for previews."""
    if request is None or getattr(request, "is_preview", False):
        return None
    version = getattr(request, "_urbact_version", None) or content_version()
    minute = site_cache.time_bucket()
    return f"{version}:{minute}:{site_id}:{get_language()}"


def home_context(page, request):
    site = Site.find_for_request(request) if request is not None else None
    site_id = site.pk if site else 0
    if getattr(request, "is_preview", False):
        links = home_links(page, request)  # an editor's unsaved choice, never cached
    else:
        links = get_or_build(
            request, "home-links", site_id, lambda: home_links(page, request), page.pk
        )
    context = {**links, "home_sections": {slot: [] for slot in extensions.HOME_SLOTS}}
    fragment_key = _fragment_key(request, site_id)
    context["home_fragment_key"] = fragment_key
    hidden = private_q(request)
    for section in extensions.home_sections():
        if section.cached:
            data = get_or_build(
                request,
                f"home-section:{section.name}",
                site_id,
                lambda section=section: section.build(request, hidden),
            )
        elif fragment_key:
            # Built only if the template's fragment cache misses (home_page.html).
            data = SimpleLazyObject(lambda section=section: section.build(request, hidden))
        else:
            data = section.build(request, hidden)
        context[section.name] = data
        context["home_sections"][section.slot].append(section)
    return context
