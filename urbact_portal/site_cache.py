"""A small cache for what every public page shows: the menu, the site settings, the
breadcrumbs and the home page's figures.

Every key carries a content version. The signal handlers in urbact_portal/signals.py bump
the version whenever published content, site settings or themes change, so all cached
entries go stale at once and no handler needs to know which keys exist."""

from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "urbact:content-version"
TIMEOUT = 60 * 60 * 24


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Not set yet (or evicted): any new value invalidates the old keys.
        import time

        cache.set(VERSION_KEY, int(time.time() * 1000), None)


def make_key(name: str, site_id, *parts, version=None) -> str:
    language = get_language() or "sl"
    tail = ":".join(str(p) for p in parts)
    version = content_version() if version is None else version
    return f"urbact:{name}:{site_id}:{language}:{version}:{tail}"


def get_or_build(request, name: str, site_id, builder, *parts):
    """Return the cached value for (name, site, language, parts), building it at most once
    per request and once per content version."""
    version = getattr(request, "_urbact_version", None)
    if version is None:
        version = content_version()
        if request is not None:
            request._urbact_version = version
    key = make_key(name, site_id, *parts, version=version)
    memo = getattr(request, "_urbact_cache", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._urbact_cache = memo
    if key in memo:
        return memo[key]
    value = cache.get(key)
    if value is None:
        value = builder()
        cache.set(key, value, TIMEOUT)
    memo[key] = value
    return value
