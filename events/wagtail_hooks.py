"""What the events app adds to the site and its admin: the upcoming events on the home page,
the events of a city or a network on their pages, the past-events listings in the sitemap
and a count on the admin dashboard."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from urbact_portal.dashboard import register_page_count
from urbact_portal.extensions import (
    HomeSection,
    RelatedSection,
    register_home_section,
    register_related_section,
    register_sitemap,
)
from urbact_portal.models.relations import live_related

from .home import upcoming_events
from .models import EventPage
from .sitemaps import PastEventsSitemap

register_home_section(
    HomeSection(
        name="upcoming_events",
        template="events/home_upcoming_events.html",
        build=upcoming_events,
        order=50,  # before the latest news
    )
)


def _events_of(lookup, limit):
    def build(page):
        return live_related(
            EventPage.objects.filter(**{lookup: page}),
            order_by="-start_date",
            select_related=["image"],
            prefetch=["image__renditions"],
            limit=limit,
        )

    return build


def upcoming_and_past(events):
    """The related events under two subheadings, decided when the page is shown (the list
    itself is cached with the content version, but events pass with time): upcoming
    soonest first, then past newest first."""
    upcoming = sorted(
        (e for e in events if not e.is_past), key=lambda e: (e.start_date, e.starts_at(), e.pk)
    )
    past = [e for e in events if e.is_past]
    groups = []
    if upcoming:
        groups.append({"label": _("Upcoming events"), "items": upcoming})
    if past:
        groups.append({"label": _("Past events"), "items": past})
    return groups


register_related_section(
    RelatedSection(
        target="cities.CityPage",
        name="events",
        heading=_("Events"),
        build=_events_of("related_cities", limit=8),
        order=250,
        group=upcoming_and_past,
    )
)
register_related_section(
    RelatedSection(
        target="networks.NetworkPage",
        name="events",
        heading=_("Events"),
        build=_events_of("related_networks", limit=8),
        order=250,
        group=upcoming_and_past,
    )
)

register_sitemap("events", PastEventsSitemap)

register_page_count(
    EventPage,
    label=ngettext_lazy("%(count)d event", "%(count)d events", "count"),
    icon="date",
    order=150,
)
