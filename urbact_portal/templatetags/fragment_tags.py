"""`{% page_fragment "name" %}…{% endpage_fragment %}`: a part of a public page rendered once
per content version and kept in the cache (Redis in production) for the next visitors.

base.html wraps the page's head data and its main content in it: the parts that cost a page
its time (the StreamField body, pictures and their renditions, related sections, listing
cards, alternates and structured data). Header and footer come from the cached menu and
settings (site_cache.py).

A fragment's key holds everything its HTML depends on: the deployed code
(http_cache.code_token), the content version (bumped on every publish, unpublish, move,
deletion, image or settings change, after the commit), the minute (upcoming events pass
with time; the same bound as the pages' ETag), the scheme and host (absolute URLs), the
language, the address with its query (filters, page numbers, search terms) and the
fragment's name. A change shows on the next request, as without the cache.

Rendered afresh, never stored or read: requests that are not public page views by
http_cache's rules (anything but GET/HEAD, the admin, a request with a session or
credentials: editors see what they edit), previews, form pages (the contact page), and a
fragment whose rendering used the CSRF token. Without the cache (an outage) or outside a
request every fragment is rendered as usual. FRAGMENT_CACHES=0 (a setting) switches these
caches off altogether: every fragment is rendered afresh and the cache is not asked."""

import hashlib
import logging

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from urbact_portal import http_cache, site_cache

# Keys change every minute: a short life keeps the cache small.
FRAGMENT_TIMEOUT = 3 * http_cache.TIME_BUCKET

register = template.Library()
logger = logging.getLogger(__name__)


def fragment_key(request, name: str) -> str | None:
    """The cache key of fragment `name` of this request's page, or None when it must be
    rendered afresh."""
    if not getattr(settings, "FRAGMENT_CACHES", True):
        return None
    if request is None or getattr(request, "is_preview", False):
        return None
    if not http_cache.shared_response(request):
        return None
    version = getattr(request, "_urbact_version", None)
    if not version:
        return None
    minute = site_cache.time_bucket()
    source = (
        f"{http_cache.code_token()}|{version}|{minute}|{request.scheme}|"
        f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
    )
    digest = hashlib.sha256(source.encode()).hexdigest()[:32]
    return f"urbact:fragment:{name}:{digest}"


class PageFragmentNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        key = fragment_key(request, self.name)
        if key is None:
            return self.nodelist.render(context)
        try:
            html = site_cache.versioned_get(key)
        except Exception:
            logger.warning("The cache does not answer; %s rendered", key, exc_info=True)
            return self.nodelist.render(context)
        if html is not None:
            return mark_safe(html)
        html = self.nodelist.render(context)
        if not request.META.get("CSRF_COOKIE_USED"):
            try:
                site_cache.versioned_set(key, str(html), FRAGMENT_TIMEOUT)
            except Exception:
                logger.warning("The cache does not answer; %s not stored", key, exc_info=True)
        return html


@register.tag("page_fragment")
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% page_fragment "name" %}')
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)
