"""Views outside the page tree: site search, robots.txt and the sitemap."""

import hashlib

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from urbact_portal import extensions
from urbact_portal.search import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    PER_PAGE,
    Query,
    RankedEntries,
    Result,
    ranking,
    search_entries,
    type_counts,
    type_groups,
)
from urbact_portal.site_cache import get_or_build
from urbact_portal.sitemaps import PageSitemap


def _paginate(request, items, per_page, count=None):
    """Like the listings: a page number that is not a number gives the first page, one
    beyond the end the last. `count`, when known, spares the paginator its COUNT query."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    number = max(1, min(number, paginator.num_pages))
    page = paginator.page(number)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page


def _active_language():
    language = translation.get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


@require_safe
def search(request):
    """The search page. `q` is the query; `type` narrows the results to one kind (a key of
    urbact_portal.search.type_groups); an unknown kind is ignored with a notice."""
    query = Query.parse(request.GET.get("q", ""))
    items = None
    results = []
    groups = []
    selected = None
    raw_type = request.GET.get("type", "")
    if query.terms:
        language, stems = _active_language(), query.stems
        terms_key = hashlib.sha1(
            repr((query.terms, stems)).encode(), usedforsecurity=False
        ).hexdigest()
        # The ranking of the best matches and, when they are not all in it, the count of
        # every match (a search's dearest queries) are kept per content version (a publish
        # updates the search entries and bumps it), language and terms.
        ranked = get_or_build(
            request,
            "search-ranking",
            0,
            lambda: ranking(query.terms, language, stems),
            terms_key,
        )
        counts = (
            ranked.counts()
            if ranked.complete
            else get_or_build(
                request,
                "search-counts",
                0,
                lambda: type_counts(query.terms, language, stems),
                terms_key,
            )
        )
        for group in type_groups():
            group.count = sum(counts.get(pk, 0) for pk in group.content_type_ids)
            if group.count:
                groups.append(group)
            if group.key == raw_type:
                selected = group
        type_ids = selected.content_type_ids if selected else None
        entries = RankedEntries(
            ranked.ids_of(type_ids),
            ranked.complete,
            search_entries(query.terms, language, stems, content_type_ids=type_ids),
        )
        count = selected.count if selected else sum(group.count for group in groups)
        items = _paginate(request, entries, PER_PAGE, count)
        # Read by the page's main part only: when that comes from the fragment cache
        # (templates/base.html), the entries are never fetched.
        results = SimpleLazyObject(
            lambda: [Result.from_entry(entry, request, query.terms, stems) for entry in items]
        )
    return TemplateResponse(
        request,
        "urbact_portal/search.html",
        {
            "query": query,
            "search_query": query.text,
            "items": items,
            "results": results,
            "result_count": items.paginator.count if items is not None else 0,
            "total_count": sum(group.count for group in groups),
            "type_groups": groups if len(groups) > 1 or selected else [],
            "selected_type": selected,
            "invalid_type": bool(raw_type) and selected is None,
            "max_query_length": MAX_QUERY_LENGTH,
            "max_terms": MAX_TERMS,
        },
    )


@require_safe
def robots_txt(request):
    disallow = ["/admin/"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            disallow.append(reverse("search"))
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in dict.fromkeys(disallow)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    # Every live, public page, and what apps add (extensions.register_sitemap).
    sections = {"pages": PageSitemap(request), **extensions.sitemaps(request)}
    return sitemap_views.sitemap(request, sitemaps=sections)
