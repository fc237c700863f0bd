"""Queries every public page would make for things that hardly ever change, answered from
the cache instead, keyed by the content version (urbact_portal/site_cache.py: a Site or a
view restriction saved bumps it).

- The Site of a request (Wagtail looks it up by host and port on every request).
- Page view restrictions: Wagtail checks the page and its ancestors (two queries) before
  serving any page. While no page has a restriction - the usual case - there is nothing to
  check.
- Routing: finding a page by its (translated) slugs costs two queries per level of the tree
  (the child, then its specific row). The page an address led to is remembered per site,
  language and address; the next request loads that page in one query and lets it route the
  rest of the address itself (a routable page's sub-routes, e.g. a listing's RSS feed)."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

from . import site_cache

_MISSING = "none"


def _version(request) -> int | None:
    version = getattr(request, "_urbact_version", None)
    if version is None:
        version = cache.get(site_cache.VERSION_KEY)
        if version is not None:
            request._urbact_version = version
    return version


class CachedSiteMiddleware:
    """Sets request._wagtail_site (what Site.find_for_request reads) from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = _version(request)
        if version is not None:
            key = f"urbact:site:{version}:{request._get_raw_host()}:{request.get_port()}"
            site = cache.get(key)
            if site is None:
                site = Site._find_for_request(request)
                cache.set(key, site or _MISSING, site_cache.TIMEOUT)
            request._wagtail_site = None if site == _MISSING else site
        return self.get_response(request)


RESTRICTIONS_KEY = "urbact:any-view-restriction"


def any_view_restriction() -> bool:
    version = cache.get(site_cache.VERSION_KEY)
    if version is None:
        return True  # no cache: ask the database, as Wagtail does
    key = f"{RESTRICTIONS_KEY}:{version}"
    exists = cache.get(key)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(key, exists, site_cache.TIMEOUT)
    return exists


_wagtail_get_view_restrictions = Page.get_view_restrictions


def get_view_restrictions(self):
    if not any_view_restriction():
        return PageViewRestriction.objects.none()
    return _wagtail_get_view_restrictions(self)


_wagtail_route_for_request = Page.route_for_request


def _route_key(request, site, path: str) -> str | None:
    version = _version(request)
    if version is None or request.method not in ("GET", "HEAD"):
        return None
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
    return f"urbact:route:{version}:{site.pk}:{get_language()}:{digest}"


def route_for_request(request, path: str):
    """Page.route_for_request (what Wagtail's serve view calls), remembering where an address
    leads: (page id, its content type, how many path components led to it)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = Site.find_for_request(request)
    key = _route_key(request, site, path) if site else None
    if key is None:
        return _wagtail_route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    remembered = cache.get(key)
    if remembered is not None:
        page_id, content_type_id, consumed = remembered
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model else None
        if page is not None:
            try:
                result = page.route(request, components[consumed:])
            except Http404:
                result = None
            request._wagtail_route_for_request = result
            return result
    result = _wagtail_route_for_request(request, path)
    if result is not None:
        page = result[0]
        consumed = page.depth - site.root_page.depth
        cache.set(key, (page.pk, page.content_type_id, consumed), site_cache.TIMEOUT)
    return result


def install():
    """Called from AppConfig.ready()."""
    Page.get_view_restrictions = get_view_restrictions
    Page.route_for_request = staticmethod(route_for_request)
