"""HTTP caching of public pages: what the nginx page cache (deploy/nginx) and browsers may keep.

The proxy keeps an anonymous visitor's copy of a public page for PAGE_CACHE_SECONDS
(`s-maxage`, a few seconds) and then revalidates it; browsers revalidate every time
(`max-age=0`). Revalidation is cheap: a page's ETag is derived from what it depends on - the
address (path and query; the language is part of the path), the content version of
urbact_portal/site_cache.py (bumped by every publish, unpublish, move, deletion and settings
change), the minute (an event that ends leaves the upcoming lists with time, not with
publishing) and the deployed code - so a conditional request is answered with 304 before
any view runs. The README's "Page cache" section explains why this scheme and not purging.

Never public (`private`): anything for a logged-in user or a request that carries a session,
responses that set a cookie or use the CSRF token (forms), form pages (the contact page),
the admin (and its previews), documents, anything other than GET and HEAD, and responses whose
view chose its own Cache-Control."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags

from . import site_cache

CACHEABLE_STATUS = {200, 301, 302, 404}
TIME_BUCKET = site_cache.TIME_BUCKET  # seconds
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz")
PRIVATE = "private, no-cache"


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 2))


def _code_token() -> str:
    """Changes with every deployment of different templates, code or static files, so that
    a copy rendered by older code is never revalidated as current."""
    from django.apps import apps

    base = Path(settings.BASE_DIR).resolve()
    digest = hashlib.sha256()
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    roots = {base / "templates", base / "locale", base / "locale_wagtail"}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            roots.add(path)
    files = []
    for root in sorted(roots):
        files += [p for p in root.rglob("*") if p.suffix in (".py", ".html", ".mo")]
    for path in sorted(files):
        try:
            digest.update(f"{path}:{path.stat().st_mtime_ns}".encode())
        except OSError:
            continue
    return digest.hexdigest()[:16]


_CODE_TOKEN = None


def code_token() -> str:
    global _CODE_TOKEN
    if _CODE_TOKEN is None:
        _CODE_TOKEN = _code_token()
    return _CODE_TOKEN


def _is_candidate(request) -> bool:
    """Could the response to this request be public? (Decided before the view runs.)"""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _validators(request) -> tuple[str | None, int | None]:
    """The page's ETag and Last-Modified (seconds since the epoch), or None when unknown:
    without the shared cache (an outage) there is no content version to vouch for a copy."""
    version, changed = site_cache.version_and_changed()
    if version is None:
        return None, None
    request._urbact_version = version  # site_cache.get_or_build reuses it
    # Pages also change with the clock (an event ends at 14:00 and leaves the upcoming
    # lists): a copy is vouched for within one minute at most.
    minute = site_cache.time_bucket() * TIME_BUCKET
    source = f"{code_token()}|{version}|{minute}|{request.get_full_path()}"
    etag = '"' + hashlib.sha256(source.encode()).hexdigest()[:32] + '"'
    last_modified = max(int(changed), minute) if changed is not None else None
    return etag, last_modified


def _public_headers(response, etag, last_modified, *, with_validators: bool) -> None:
    seconds = page_cache_seconds()
    response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
    if with_validators and etag:
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)


def _not_modified(request, etag, last_modified) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match and etag:
        # Weak comparison (RFC 9110 13.1.2): the proxy's compression may weaken an ETag.
        tags = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return etag in tags or "*" in tags
    return False


def _serves_form(request) -> bool:
    return bool(getattr(request, "_urbact_form_page", False))


def shared_response(request) -> bool:
    """Whether the response to this request is the same for every visitor: the page cache's
    rule (a GET or HEAD outside the admin, without a session or credentials) and not a page
    with a form. The template fragment caches (templatetags/fragment_tags.py) follow it too."""
    return _is_candidate(request) and not _serves_form(request)


class PageCacheMiddleware:
    """Sets Cache-Control, ETag and Last-Modified on public pages and answers a conditional
    request for an unchanged page with 304 without running the view. Sits before the session
    middleware: the decision needs only the request's cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and not request.path.startswith(EXCLUDED_PREFIXES):
                self._mark_private(response)
            return response

        etag, last_modified = _validators(request)
        if _not_modified(request, etag, last_modified):
            return self._not_modified_response(etag, last_modified)

        response = self.get_response(request)
        if self._may_be_public(request, response):
            _public_headers(
                response, etag, last_modified, with_validators=response.status_code == 200
            )
        else:
            self._mark_private(response)
        return response

    @staticmethod
    def _not_modified_response(etag, last_modified):
        from django.http import HttpResponseNotModified

        response = HttpResponseNotModified()
        _public_headers(response, etag, last_modified, with_validators=True)
        # What the full response would say (RFC 9110 15.4.5).
        patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def _may_be_public(request, response) -> bool:
        if response.status_code not in CACHEABLE_STATUS or response.streaming:
            return False
        if response.has_header("Cache-Control") or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        if _serves_form(request):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def _mark_private(response) -> None:
        if not response.has_header("Cache-Control") and response.status_code < 500:
            response["Cache-Control"] = PRIVATE


def before_serve_page(page, request, serve_args, serve_kwargs):
    """Wagtail hook: form pages (the contact page) are never public, whatever they render."""
    from wagtail.contrib.forms.models import FormMixin

    if isinstance(page, FormMixin):
        request._urbact_form_page = True


class UrlLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without `Vary: Accept-Language` where the address alone
    determines the language: with i18n_patterns and an unprefixed default language, a URL
    without a prefix is Slovene and /en/... is English, whatever the browser asks for."""

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        used, prefixed_default = is_language_prefix_patterns_used(urlconf)
        if not (used and not prefixed_default):
            return super().process_response(request, response)
        had_vary = response.get("Vary")
        response = super().process_response(request, response)
        if had_vary is None:
            del response["Vary"]
        else:
            response["Vary"] = had_vary
        return response
