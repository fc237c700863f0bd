"""Speed, memory and page-weight benchmarks: `make bench`.

Builds a realistic site (hundreds of news items, dozens of networks, practices and cities)
in a throwaway test database, warms the caches, then requests every kind of public page
through Django's test client and measures:

- server time per request (median and 95th percentile of REPEATS requests),
- peak Python memory allocated while serving one request (tracemalloc),
- database queries per request,
- transferred weight before content images: gzipped HTML + the stylesheet + the script.

Each measure has a target below; the command exits non-zero when one is missed, so
`make bench` can guard a release. Timings depend on the machine: the targets are generous
for a small VM, and the numbers are printed for comparison between runs.
"""

import gzip
import math
import os
import statistics
import sys
import time
import tracemalloc
import warnings
from datetime import date, timedelta
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "urbact_portal.settings.test")
warnings.filterwarnings("ignore", "No directory at", UserWarning)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from tests import factories  # noqa: E402

TARGETS = {
    "p95_ms": 150.0,  # 95th percentile server time per page
    "median_ms": 75.0,
    "peak_mib": 16.0,  # peak Python allocation while serving one page
    "queries": 12,  # once caches are warm
    "weight_kib": 100.0,  # gzipped HTML + CSS + JS
}
REPEATS = int(os.environ.get("BENCH_REPEATS", "25"))
SIZES = {"news": 300, "networks": 60, "practices": 40, "cities": 30}


def build_site():
    from cities.choices import Region
    from networks.choices import NetworkType
    from urbact_portal.programme import Period

    home = factories.ensure_home_page()
    news_index = factories.news_index(home)
    network_index = factories.network_index(home)
    practice_index = factories.good_practice_index(home)
    city_index = factories.city_index(home)
    factories.standard_page(home, title="O programu URBACT", title_en="About URBACT")
    themes = [factories.theme(f"Tema {i}", name_en=f"Theme {i}") for i in range(8)]
    regions = list(Region.values)
    cities = [
        factories.city_page(
            city_index,
            title=f"Mesto {i}",
            region=regions[i % len(regions)],
            latitude=Decimal("45.6") + Decimal(i % 10) / 10,
            longitude=Decimal("13.8") + Decimal(i % 20) / 10,
        )
        for i in range(SIZES["cities"])
    ]
    periods, types = list(Period.values), list(NetworkType.values)
    networks = [
        factories.network_page(
            network_index,
            title=f"Omrežje {i}",
            period=periods[i % len(periods)],
            network_type=types[i % len(types)],
            cities=cities[i % len(cities) : i % len(cities) + 3],
            themes=themes[i % 8 : i % 8 + 2],
            partners=[{"city_name": f"Partner {i}-{j}", "country": "IT"} for j in range(6)],
        )
        for i in range(SIZES["networks"])
    ]
    for i in range(SIZES["practices"]):
        factories.good_practice_page(
            practice_index,
            title=f"Dobra praksa {i}",
            city_page=cities[i % len(cities)],
            related_network=networks[i % len(networks)],
            themes=themes[i % 8 : i % 8 + 1],
        )
    body = [("paragraph", "<p>Šola, mesto in skupnost: besedilo novice za iskanje.</p>")] * 3
    for i in range(SIZES["news"]):
        factories.news_page(
            news_index,
            title=f"Novica {i}",
            title_en=f"News {i}" if i % 2 else None,
            date=date(2026, 11, 1) - timedelta(days=i),
            body=body,
            themes=themes[i % 8 : i % 8 + 1],
            cities=cities[i % len(cities) : i % len(cities) + 1],
            networks=networks[i % len(networks) : i % len(networks) + 1],
        )
    try:
        from django.core.management import call_command

        call_command("rebuild_search_entries", verbosity=0)
    except Exception as exc:  # the search index is optional for the other pages
        print(f"(search index not rebuilt: {exc})")
    return {
        "home": home,
        "news_index": news_index,
        "network_index": network_index,
        "practice_index": practice_index,
        "city_index": city_index,
        "city": cities[0],
        "network": networks[0],
    }


def static_weight():
    total = 0
    for path in ("css/site.css", "js/site.js"):
        found = finders.find(path)
        if found:
            with open(found, "rb") as fh:
                total += len(gzip.compress(fh.read()))
    return total


def measure(client, url):
    for _ in range(2):  # warm caches and renditions
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: the next request's request_started signal empties the connection's log.
    query_count = len(queries)
    tracemalloc.start()
    client.get(url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": timings[min(len(timings) - 1, math.ceil(len(timings) * 0.95) - 1)],
        "peak_mib": peak / 2**20,
        "queries": query_count,
        "html_gz": len(gzip.compress(response.content)),
    }


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failures = []
    try:
        started = time.perf_counter()
        site = build_site()
        print(
            f"Site built in {time.perf_counter() - started:.0f} s: "
            + ", ".join(f"{n} {k}" for k, n in SIZES.items())
            + f"; database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
        )
        first_news = site["news_index"].get_children().live().first()
        urls = {
            "home (sl)": "/",
            "home (en)": "/en/",
            "news index": site["news_index"].url,
            "news index p.10": site["news_index"].url + "?page=10",
            "news filtered": site["news_index"].url + "?year=2026",
            "news item": first_news.url,
            "networks index": site["network_index"].url,
            "network": site["network"].url,
            "practices index": site["practice_index"].url,
            "cities index": site["city_index"].url,
            "city": site["city"].url,
            "search": "/iskanje/?q=sola",
            "standard page": "/o-programu-urbact/",
        }
        client = Client()
        css_js = static_weight()
        header = f"{'page':<18}{'median':>9}{'p95':>9}{'peak MiB':>10}{'queries':>9}{'KiB':>7}"
        print(header)
        print("-" * len(header))
        for name, url in urls.items():
            m = measure(client, url)
            weight = (m["html_gz"] + css_js) / 1024
            print(
                f"{name:<18}{m['median_ms']:>8.1f}ms{m['p95_ms']:>7.1f}ms"
                f"{m['peak_mib']:>10.1f}{m['queries']:>9}{weight:>7.1f}"
            )
            checks = {
                "median_ms": m["median_ms"],
                "p95_ms": m["p95_ms"],
                "peak_mib": m["peak_mib"],
                "queries": m["queries"],
                "weight_kib": weight,
            }
            for key, value in checks.items():
                if value > TARGETS[key]:
                    failures.append(f"{name}: {key} {value:.1f} > target {TARGETS[key]}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    # Issue 14, target 3: flat at 10,000 news items (a database of its own).
    from tests import bench_scale

    print()
    for name, value, target, ok in bench_scale.run():
        print(f"{name:<44}{value:>8.2f}  target ≤ {target}  {'ok' if ok else 'MISSED'}")
        if not ok:
            failures.append(f"{name}: {value:.2f} > target {target}")
    print()
    print("Targets: " + ", ".join(f"{k} ≤ {v}" for k, v in TARGETS.items()))
    if failures:
        print("MISSED:\n  " + "\n  ".join(failures))
        return 1
    print("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
