"""Helpers shared by the listing and detail page tests (news, networks, practices, cities)."""

import itertools
import re

from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.text import slugify

QUERY_BUDGET = 8

_numbers = itertools.count(1)

# The required fields of each page type (Wagtail validates a page when it saves it).
REQUIRED = {
    "NewsPage": {"intro": "Kratek povzetek."},
    "NetworkPage": {
        "summary": "Povzetek omrežja.",
        "network_type": "action-planning",
        "period": "urbact-iii",
    },
    "GoodPracticePage": {"summary": "Povzetek prakse.", "city_name": "Ljubljana", "country": "SI"},
    "CityPage": {"region": "osrednjeslovenska"},
}


def html_of(response):
    return response.content.decode()


def card_titles(response):
    """The titles of the listing cards, in order."""
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', html_of(response))


def robots_noindex(response):
    return '<meta name="robots" content="noindex">' in html_of(response)


def count_queries(client, url, *, cold=False):
    """The number of queries of one request to `url`, once the caches are warm, or with
    `cold=True` right after the cache was cleared (renditions exist by then)."""
    client.get(url)
    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def quick_page(parent, page_class, title=None, *, m2m=None, title_en="", **fields):
    """A live page saved once, without revisions or publish signals: fast enough to build
    fifty of them for a query budget test. Other tests use tests/factories.py.

    The page exists in both languages (its English title is its title unless `title_en` is
    given; None: Slovene only), so the English listings show it too."""
    title = title or f"{page_class._meta.verbose_name} {next(_numbers)}"
    with translation.override("sl"), transaction.atomic():
        fields = {**REQUIRED.get(page_class.__name__, {}), **fields}
        page = page_class(title=title, slug=slugify(title), live=True, **fields)
        page.title_sl = title
        page.slug_sl = page.slug
        page.title_en = title if title_en == "" else title_en
        parent.add_child(instance=page)
        for name, values in (m2m or {}).items():
            getattr(page, name).set(values)
        if m2m:
            page.save()
    return page


def measure(client, urls):
    """(cold, warm) query counts for each URL."""
    return [(count_queries(client, url, cold=True), count_queries(client, url)) for url in urls]


def assert_within_budget(client, urls, django_assert_max_num_queries):
    """At most QUERY_BUDGET queries per URL once the caches are warm."""
    for url in urls:
        client.get(url)
        client.get(url)
        with django_assert_max_num_queries(QUERY_BUDGET):
            client.get(url)
