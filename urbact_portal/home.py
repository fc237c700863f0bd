"""Data for the home page: live figures and the latest content.

The figures are counts, never typed numbers: a Slovenian city counts when its CityPage is
live and it takes part in at least one live network; a network counts when it is live and
has at least one live Slovenian city. They are cached per site and language until content
changes (urbact_portal/signals.py). The lists cost a fixed number of queries, whatever the
number of pages."""

from django.db.models import Count, Q
from django.utils.translation import ngettext

from .site_cache import get_or_build

LATEST_NEWS = 3
LATEST_MIXED = 6


def cities_label(count: int) -> str:
    return ngettext("%(count)s city", "%(count)s cities", count) % {"count": count}


def networks_label(count: int) -> str:
    return ngettext("%(count)s network", "%(count)s networks", count) % {"count": count}


def compute_figures() -> dict:
    """Counts from the database. Returns
    {"cities": int, "networks": int, "periods": [{"period", "label", "cities", "networks"}]},
    periods in programme order and only those with Slovenian participation."""
    from cities.models import CityPage
    from networks.choices import Period
    from networks.models import NetworkPage

    live_city = Q(slovenian_cities__live=True)
    networks = NetworkPage.objects.live().filter(live_city)
    total_networks = networks.values("pk").distinct().count()
    total_cities = (
        CityPage.objects.live().filter(networks__live=True).values("pk").distinct().count()
    )
    rows = {
        row["period"]: row
        for row in networks.order_by()
        .values("period")
        .annotate(
            networks=Count("pk", distinct=True),
            cities=Count("slovenian_cities", filter=live_city, distinct=True),
        )
    }
    periods = []
    for value, label in Period.choices:
        row = rows.get(value)
        if row and row["networks"]:
            periods.append(
                {
                    "period": value,
                    "label": str(label),
                    "cities": row["cities"],
                    "networks": row["networks"],
                }
            )
    return {"cities": total_cities, "networks": total_networks, "periods": periods}


def with_labels(figures: dict) -> dict:
    """Add the Slovene/English phrases ("5 mest", "3 omrežja") in the active language."""
    return {
        "cities": figures["cities"],
        "networks": figures["networks"],
        "cities_label": cities_label(figures["cities"]),
        "networks_label": networks_label(figures["networks"]),
        "periods": [
            dict(
                row,
                cities_label=cities_label(row["cities"]),
                networks_label=networks_label(row["networks"]),
            )
            for row in figures["periods"]
        ],
    }


def _private_q(request=None):
    """Pages under a view restriction, for the lists below to exclude. The restricted
    sections are cached with the rest (a new restriction bumps the content version)."""
    from functools import reduce
    from operator import or_

    from wagtail.models import PageViewRestriction

    paths = get_or_build(
        request,
        "private-paths",
        0,
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def latest_news(limit=LATEST_NEWS, private_q=None):
    from news.models import NewsPage

    return list(
        NewsPage.objects.live()
        .exclude(private_q if private_q is not None else _private_q())
        .defer_streamfields()
        .select_related("main_image")
        .prefetch_related("main_image__renditions")
        .order_by("-date", "-first_published_at", "-pk")[:limit]
    )


def latest_practices_and_networks(limit=LATEST_MIXED, private_q=None):
    """The newest good practices and networks together, by first publication: two queries
    (plus their image renditions), merged here."""
    from networks.models import GoodPracticePage, NetworkPage

    private_q = private_q if private_q is not None else _private_q()
    practices = list(
        GoodPracticePage.objects.live()
        .exclude(private_q)
        .defer_streamfields()
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    networks = list(
        NetworkPage.objects.live()
        .exclude(private_q)
        .defer_streamfields()
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    mixed = practices + networks
    mixed.sort(key=lambda p: (p.first_published_at is not None, p.first_published_at), reverse=True)
    return mixed[:limit]


def _link(page, request):
    if page is None or not page.live:
        return None
    url = page.get_url(request)
    return {"url": url, "title": page.title} if url else None


def home_links(page, request) -> dict:
    """The "More information" and NUP links (pages chosen by the editor)."""
    return {
        "hero_link": _link(page.hero_link, request) if page.hero_link_id else None,
        "nup_link": _link(page.nup_link, request) if page.nup_link_id else None,
    }


def home_context(page, request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    site_id = site.pk if site else 0
    private_q = _private_q(request)
    figures = get_or_build(request, "home-figures", site_id, compute_figures)
    if getattr(request, "is_preview", False):
        links = home_links(page, request)  # an editor's unsaved choice, never cached
    else:
        links = get_or_build(
            request, "home-links", site_id, lambda: home_links(page, request), page.pk
        )
    return {
        **links,
        "figures": with_labels(figures),
        "latest_news": latest_news(private_q=private_q),
        "latest_mixed": latest_practices_and_networks(private_q=private_q),
    }
