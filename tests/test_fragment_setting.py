"""FRAGMENT_CACHES=0 (issue 14's honesty rows in `make bench`): the template fragment caches
are switched off, the page is the same, and the fragment cache is never asked."""

import pytest
from django.test import override_settings

from tests import factories
from urbact_portal import site_cache

FRAGMENT_PREFIX = "urbact:fragment:"


@pytest.fixture
def cache_calls(monkeypatch):
    """The keys the site asks the versioned cache for or stores in it (the real cache
    answers as before)."""
    calls = []
    real_get, real_set = site_cache.versioned_get, site_cache.versioned_set

    def recording_get(key):
        calls.append(key)
        return real_get(key)

    def recording_set(key, value, timeout=None):
        calls.append(key)
        return real_set(key, value, timeout)

    monkeypatch.setattr(site_cache, "versioned_get", recording_get)
    monkeypatch.setattr(site_cache, "versioned_set", recording_set)
    return calls


@pytest.fixture
def pages(site_tree):
    item = factories.news_page(
        site_tree["news"], title="Prenova tržnice v Ljubljani", intro="Mesto prenavlja tržnico."
    )
    return {
        "home": "/",
        "listing": site_tree["news"].url,
        "news item": item.url,
        "search": "/iskanje/?q=ljubljani",
    }


@pytest.mark.parametrize("kind", ["home", "listing", "news item", "search"])
def test_without_fragment_caches_the_page_is_the_same_and_the_cache_is_not_asked(
    pages, client, cache_calls, kind
):
    url = pages[kind]
    with override_settings(FRAGMENT_CACHES=True):
        cached = client.get(url)
        client.get(url)  # the second request reads the stored fragments
    assert cached.status_code == 200
    assert any(key.startswith(FRAGMENT_PREFIX) for key in cache_calls)

    cache_calls.clear()
    with override_settings(FRAGMENT_CACHES=False):
        first = client.get(url)
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert not [key for key in cache_calls if key.startswith(FRAGMENT_PREFIX)]
    html = second.content.decode()
    assert html == cached.content.decode()
    assert "<title>" in html and '<header class="site-header">' in html and "</main>" in html
    if kind != "home":  # the item, on its own page, in the listing and among the results
        assert "Prenova tržnice v" in html


def test_fragment_caches_are_on_by_default(settings):
    assert settings.FRAGMENT_CACHES is True
