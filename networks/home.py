"""What the networks app shows on the home page (registered in wagtail_hooks.py): the live
figures of "URBACT v Sloveniji" and the latest good practices and networks.

The figures are counts, never typed numbers: a Slovenian city counts when its CityPage is
live and it (or an organisation based in it) is a participant of at least one live network;
a network counts when it is live and has at least one such participant (networks/models.py:
NetworkParticipant, the one place where Slovenian participation is recorded). The home
page caches them per site and language until content changes (urbact_portal/site_cache.py).
The list costs a fixed number of queries, whatever the number of pages.

Where the URBACT programme publishes a larger figure for a period than the directory holds
(the site setting ProgrammeFigures, with its source and date), the period's row shows the
programme's figure and says so, with the directory's count beside it: the directory never
gets an invented network to match."""

from django.db.models import Count
from django.utils.formats import date_format
from django.utils.translation import ngettext
from wagtail.models import Site

from urbact_portal.programme import Period

from .models import GoodPracticePage, NetworkPage, NetworkParticipant, ProgrammeFigures

LATEST_MIXED = 6


def cities_label(count: int) -> str:
    return ngettext("%(count)s city", "%(count)s cities", count) % {"count": count}


def networks_label(count: int) -> str:
    return ngettext("%(count)s network", "%(count)s networks", count) % {"count": count}


def compute_figures() -> dict:
    """Counts from the database. Returns
    {"cities": int, "networks": int, "periods": [{"period", "label", "cities", "networks"}]},
    periods in programme order and only those with Slovenian participation."""
    # Slovenian participants whose network and city page are live; an organisation counts
    # for its city.
    live = NetworkParticipant.objects.filter(network__live=True, city_page__live=True)
    total_networks = live.values("network_id").distinct().count()
    total_cities = live.values("city_page_id").distinct().count()
    rows = {
        row["network__period"]: row
        for row in live.order_by()
        .values("network__period")
        .annotate(
            networks=Count("network_id", distinct=True),
            cities=Count("city_page_id", distinct=True),
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


def programme_figures(site) -> dict:
    """The programme's published figures from the site setting (ProgrammeFigures):
    {"periods": {period: {"cities", "networks"}}, "source_name", "source_url", "source_date"}
    with the date as the active language writes it."""
    setting = ProgrammeFigures.for_site(site) if site is not None else ProgrammeFigures()
    return {
        "periods": setting.by_period(),
        "source_name": setting.source_name,
        "source_url": setting.source_url,
        "source_date": date_format(setting.source_date, "DATE_FORMAT")
        if setting.source_date
        else "",
    }


def merge_programme_figures(figures: dict, programme: dict) -> dict:
    """Each period's row shows the larger of the directory's count and the programme's
    figure; a row where the programme's is larger says so (`programme`: True) and keeps the
    directory's count as `directory_cities` / `directory_networks`. The totals stay the
    directory's counts."""
    rows = {row["period"]: row for row in figures["periods"]}
    periods = []
    for value, label in Period.choices:
        counted = rows.get(value, {"cities": 0, "networks": 0})
        published = programme["periods"].get(value, {})
        cities = max(counted["cities"], published.get("cities") or 0)
        networks = max(counted["networks"], published.get("networks") or 0)
        if not networks:
            continue
        periods.append(
            {
                "period": value,
                "label": str(label),
                "cities": cities,
                "networks": networks,
                "programme": (cities, networks) != (counted["cities"], counted["networks"]),
                "directory_cities": counted["cities"],
                "directory_networks": counted["networks"],
            }
        )
    return dict(figures, periods=periods)


def with_labels(figures: dict) -> dict:
    """Add the Slovene/English phrases ("5 mest", "3 omrežja") in the active language."""
    return dict(
        figures,
        cities_label=cities_label(figures["cities"]),
        networks_label=networks_label(figures["networks"]),
        periods=[
            dict(
                row,
                cities_label=cities_label(row["cities"]),
                networks_label=networks_label(row["networks"]),
                directory_cities_label=cities_label(row.get("directory_cities", row["cities"])),
                directory_networks_label=networks_label(
                    row.get("directory_networks", row["networks"])
                ),
            )
            for row in figures["periods"]
        ],
    )


def latest_practices_and_networks(request, private_q, limit=LATEST_MIXED):
    """The newest good practices and networks together, by first publication: two queries
    (plus their image renditions), merged here."""
    practices = list(
        GoodPracticePage.objects.shown(private_q)
        .defer_streamfields()
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    networks = list(
        NetworkPage.objects.shown(private_q)
        .defer_streamfields()
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    mixed = practices + networks
    mixed.sort(key=lambda p: (p.first_published_at is not None, p.first_published_at), reverse=True)
    return mixed[:limit]


def figures(request, private_q) -> dict:
    """The home section's data: the directory's counts, the programme's larger figures
    with their source and date, and their phrases in the active language."""
    site = Site.find_for_request(request) if request is not None else None
    programme = programme_figures(site)
    merged = merge_programme_figures(compute_figures(), programme)
    merged["source_name"] = programme["source_name"]
    merged["source_url"] = programme["source_url"]
    merged["source_date"] = programme["source_date"]
    merged["any_programme"] = any(row["programme"] for row in merged["periods"])
    return with_labels(merged)
