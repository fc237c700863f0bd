"""Queries every public page would make for things that hardly ever change, answered from
the cache instead, keyed by the content version (urbact_portal/site_cache.py: a Site or a
view restriction saved bumps it).

- The Site of a request (Wagtail looks it up by host and port on every request).
- Page view restrictions: Wagtail checks the page and its ancestors (two queries) before
  serving any page. While no page has a restriction - the usual case - there is nothing to
  check.
- Routing: finding a page by its (translated) slugs costs two queries per level of the tree
  (the child, then its specific row). The page an address led to is remembered per site,
  language and address; the next request takes that page from its pickled copy of this
  content version (loaded in one query the first time) and lets it route the rest of the
  address itself (a routable page's sub-routes, e.g. a listing's RSS feed).
- Renditions of cached images: an image stored in the cache (inside a cached list of related
  pages, say) is stored without its prefetched renditions. Wagtail trusts a prefetched list
  completely: a list prefetched before a rendition existed would make every later request
  that reads the image from the cache generate that rendition's file again (AVIF, WebP and
  PNG encodings, tens of milliseconds each). Without it Wagtail looks the rendition up in its
  rendition cache (the same Redis), and in the database only on a miss."""

import hashlib
import pickle
import threading

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from . import site_cache

_MISSING = "none"
# The content version of the request this thread serves (set by CachedSiteMiddleware), for
# what runs without the request at hand (Page.get_view_restrictions).
_current = threading.local()


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
            site = site_cache.versioned_get(key)
            if site is None:
                site = Site._find_for_request(request)
                site_cache.versioned_set(key, site or _MISSING)
            request._wagtail_site = None if site == _MISSING else site
        # Only for reads: a request that writes may add a restriction and then check it.
        _current.version = version if request.method in ("GET", "HEAD") else None
        try:
            return self.get_response(request)
        finally:
            _current.version = None


RESTRICTIONS_KEY = "urbact:any-view-restriction"


def any_view_restriction() -> bool:
    version = getattr(_current, "version", None) or cache.get(site_cache.VERSION_KEY)
    if version is None:
        return True  # no cache: ask the database, as Wagtail does
    key = f"{RESTRICTIONS_KEY}:{version}"
    exists = site_cache.versioned_get(key)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        site_cache.versioned_set(key, exists)
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


def _load_page(request, page_id, content_type_id):
    """The page with this id as its own type: unpickled from its copy at this content version
    (each request gets an object of its own), else loaded (one query) and copied."""
    key = f"urbact:page:{_version(request)}:{page_id}"
    copy = site_cache.versioned_get(key)
    if copy is not None:
        return pickle.loads(copy)  # noqa: S301 - written by this site under its own key
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    try:
        # get() rather than filter().first(): no ORDER BY to compile.
        page = model.objects.get(pk=page_id)
    except model.DoesNotExist:
        return None
    site_cache.versioned_set(key, pickle.dumps(page))
    return page


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
    remembered = site_cache.versioned_get(key)
    if remembered is not None:
        page_id, content_type_id, consumed = remembered
        page = _load_page(request, page_id, content_type_id)
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
        site_cache.versioned_set(key, (page.pk, page.content_type_id, consumed))
    return result


def _image_getstate(self):
    """Model.__getstate__ without the prefetched renditions (see the module's docstring)."""
    state = _model_getstate(self)
    prefetched = state.get("_prefetched_objects_cache")
    if prefetched and "renditions" in prefetched:
        state["_prefetched_objects_cache"] = {
            name: value for name, value in prefetched.items() if name != "renditions"
        }
    return state


_model_getstate = None


def install():
    """Called from AppConfig.ready()."""
    global _model_getstate
    image_model = get_image_model()
    if _model_getstate is None:
        _model_getstate = image_model.__getstate__
        image_model.__getstate__ = _image_getstate
    Page.get_view_restrictions = get_view_restrictions
    Page.route_for_request = staticmethod(route_for_request)
