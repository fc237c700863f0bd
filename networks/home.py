"""What the networks app shows on the home page (registered in wagtail_hooks.py): the live
figures of "URBACT v Sloveniji" and the latest good practices and networks.

The figures are counts, never typed numbers: a Slovenian city counts when its CityPage is
live and it takes part in at least one live network; a network counts when it is live and
has at least one live Slovenian city. The home page caches them per site and language until
content changes (urbact_portal/site_cache.py). The list costs a fixed number of queries,
whatever the number of pages."""

from django.db.models import Count, Q
from django.utils.translation import ngettext

from urbact_portal.programme import Period

from .models import GoodPracticePage, NetworkPage

LATEST_MIXED = 6


def cities_label(count: int) -> str:
    return ngettext("%(count)s city", "%(count)s cities", count) % {"count": count}


def networks_label(count: int) -> str:
    return ngettext("%(count)s network", "%(count)s networks", count) % {"count": count}


def compute_figures() -> dict:
    """Counts from the database. Returns
    {"cities": int, "networks": int, "periods": [{"period", "label", "cities", "networks"}]},
    periods in programme order and only those with Slovenian participation."""
    # The cities app's page type, through the relation (apps never import each other).
    CityPage = NetworkPage._meta.get_field("slovenian_cities").related_model
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


def latest_practices_and_networks(request, private_q, limit=LATEST_MIXED):
    """The newest good practices and networks together, by first publication: two queries
    (plus their image renditions), merged here."""
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


def figures(request, private_q) -> dict:
    """The home section's data: the counts with their phrases in the active language."""
    return with_labels(compute_figures())
