"""A small cache for what every public page shows: the menu, the site settings, the
breadcrumbs and the home page's figures.

Every key carries a content version. The signal handlers in urbact_portal/signals.py bump
the version whenever published content, site settings or themes change, so all cached
entries go stale at once and no handler needs to know which keys exist.

The bump runs when the editor's transaction COMMITS (transaction.on_commit), never inside it:
a reader that caches the menu between a bump and the commit would otherwise store the old
menu under the new version and serve it until the next edit. A rolled-back edit bumps
nothing. The cache is an optimisation only: when it does not answer (Redis down), pages are
built from the database on every request and no visitor sees an error."""

import logging
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Site

logger = logging.getLogger(__name__)

VERSION_KEY = "urbact:content-version"
CHANGED_KEY = "urbact:content-changed"  # when the version was last bumped (Last-Modified)

# Pages also change with the clock, not only with publishing (an event that ends leaves the
# upcoming lists): what depends on it is kept for one minute at most.
TIME_BUCKET = 60  # seconds


def _timeout() -> int:
    """A shared cache (Redis) sees every version bump, so entries may live long. A
    process-local cache does not see bumps made in other processes (other gunicorn workers,
    a management command), so its entries expire after a few minutes."""
    backend = settings.CACHES["default"]["BACKEND"]
    return 60 * 5 if backend.endswith("LocMemCache") else 60 * 60 * 24


TIMEOUT = _timeout()


def content_version() -> int | None:
    """The current content version, or None when the cache does not answer."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Start from the clock rather than 1: should the key ever be evicted, entries of
            # an older version cannot come back to life. (This process's copies go too.)
            _local.clear()
            cache.add(VERSION_KEY, int(time.time() * 1000), None)
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache outage: build everything from the database
        logger.warning("The cache does not answer; pages are built uncached", exc_info=True)
        return None
    return version


def time_bucket() -> int:
    """The current minute (TIME_BUCKET seconds) that every clock-dependent key carries: the
    pages' ETags (http_cache.py), the fragment caches, the home page's sections and the
    listings that change with time. The one clock of those keys; the tests hold it still
    (tests/conftest.py), so that a request never rebuilds by chance of the minute."""
    return int(time.time()) // TIME_BUCKET


def version_and_changed() -> tuple[int | None, int | None]:
    """The content version and when it last changed, in one round-trip; None for what the
    cache does not know (the version only during a cache outage)."""
    values = cache.get_many([VERSION_KEY, CHANGED_KEY])
    if VERSION_KEY not in values:
        content_version()
        return cache.get(VERSION_KEY), None
    return values[VERSION_KEY], values.get(CHANGED_KEY)


def after_commit(func) -> None:
    """Run `func` when the current transaction commits (at once outside a transaction); a
    rollback drops it. Every cache invalidation goes through here."""
    transaction.on_commit(func)


def bump_version() -> None:
    """Invalidate every cached entry once the current transaction commits; a rollback bumps
    nothing."""
    after_commit(_bump_now)


def _bump_now() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            # Not set yet (or evicted): any new value invalidates the old keys.
            cache.set(VERSION_KEY, int(time.time() * 1000), None)
        cache.set(CHANGED_KEY, int(time.time()), None)
    except Exception:  # a cache outage must never stop an editor from publishing
        logger.warning("Could not bump the content version", exc_info=True)


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
            request._urbact_version = version or 0
    key = make_key(name, site_id, *parts, version=version or 0)
    memo = getattr(request, "_urbact_cache", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._urbact_cache = memo
    if key in memo:
        return memo[key]
    # Version 0: the cache did not answer, so nothing is read from it or written to it.
    value = _cache_get(key) if version else None
    if value is None:
        value = builder()
        if version:
            _cache_set(key, value)
    memo[key] = value
    return value


def page_value(request, page, name: str, build, *parts):
    """`build()` for `page` (its related lists, a listing's counts, its share image), kept per
    content version, site, language and `parts` with get_or_build. Previews and unsaved pages
    are always built afresh: what they show is not what is published."""
    if request is None or not page.pk or getattr(request, "is_preview", False):
        return build()
    site = Site.find_for_request(request)
    return get_or_build(request, name, site.pk if site else None, build, page.pk, *parts)


# Entries whose key holds the content version never change: once read from the shared cache
# a process keeps the most recent of them in memory too, and a request asks Redis only for
# the version (one round trip) and for what this process has not seen at this version.
LOCAL_ENTRIES = 256
_local: OrderedDict = OrderedDict()


def versioned_get(key):
    """The value under a versioned key: from this process's memory, else from the cache
    (None when absent or when the cache does not answer)."""
    try:
        _local.move_to_end(key)
        return _local[key]
    except KeyError:
        pass
    value = cache.get(key)
    if value is not None:
        _remember(key, value)
    return value


def versioned_set(key, value, timeout=None) -> None:
    cache.set(key, value, TIMEOUT if timeout is None else timeout)
    _remember(key, value)


def _remember(key, value) -> None:
    _local[key] = value
    _local.move_to_end(key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def _cache_get(key):
    try:
        return versioned_get(key)
    except Exception:
        logger.warning("The cache does not answer; building %s uncached", key, exc_info=True)
        return None


def _cache_set(key, value) -> None:
    try:
        versioned_set(key, value)
    except Exception:
        logger.warning("The cache does not answer; %s not stored", key, exc_info=True)
