"""What the networks app adds to the site and its admin: the live figures and the latest
good practices and networks on the home page, a city's networks and good practices on the
city's page, a network's good practices on its page, and counts on the admin dashboard."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from urbact_portal.dashboard import register_page_count
from urbact_portal.extensions import (
    HOME_SLOT_FIGURES,
    HomeSection,
    RelatedSection,
    register_home_section,
    register_related_section,
)
from urbact_portal.models.relations import live_related
from urbact_portal.programme import Period

from .home import figures, latest_practices_and_networks
from .models import GoodPracticePage, NetworkPage, NetworkParticipant

# The home page ----------------------------------------------------------------------------

register_home_section(
    HomeSection(
        name="figures",
        template="networks/home_figures.html",
        build=figures,
        slot=HOME_SLOT_FIGURES,
        cached=True,
    )
)
register_home_section(
    HomeSection(
        name="latest_mixed",
        template="networks/home_practices_and_networks.html",
        build=latest_practices_and_networks,
        order=200,
    )
)

# A city's page ------------------------------------------------------------------------------


def _city_networks(city):
    """The live networks `city` takes part in (itself or through an organisation based in
    it), each with its role there as `participant_role` (shown on its card)."""
    networks = live_related(
        NetworkPage.objects.filter(
            pk__in=NetworkParticipant.objects.filter(city_page=city).values("network_id")
        ),
        order_by="-start_year",
        select_related=["logo"],
        prefetch=["logo__renditions"],
    )
    if not networks:
        return networks
    roles = {}
    for participant in NetworkParticipant.objects.filter(
        city_page=city, network__in=[n.pk for n in networks]
    ).order_by("sort_order"):
        roles.setdefault(participant.network_id, []).append(participant.admin_note())
    for network in networks:
        network.participant_role = "; ".join(roles.get(network.pk, []))
    return networks


def _by_period(networks):
    """Networks grouped by programme period, the latest period first."""
    groups = {}
    for network in networks:
        groups.setdefault(network.period, []).append(network)
    return [
        {"label": label, "items": groups[value]}
        for value, label in reversed(Period.choices)
        if value in groups
    ]


def _practices(lookup):
    def build(page):
        return live_related(
            GoodPracticePage.objects.filter(**{lookup: page}),
            select_related=["image"],
            prefetch=["image__renditions"],
        )

    return build


register_related_section(
    RelatedSection(
        target="cities.CityPage",
        name="networks",
        heading=_("URBACT networks"),
        build=_city_networks,
        group=_by_period,
        order=100,
        empty_text=lambda city: (
            _("%(city)s has no URBACT network published on this site yet.") % {"city": city.title}
        ),
    )
)
register_related_section(
    RelatedSection(
        target="cities.CityPage",
        name="practices",
        heading=_("Good practices"),
        build=_practices("city_page"),
        order=200,
        empty_text=lambda city: (
            _("No good practice from %(city)s has been published yet.") % {"city": city.title}
        ),
    )
)

# A network's page -------------------------------------------------------------------------

register_related_section(
    RelatedSection(
        target="networks.NetworkPage",
        name="practices",
        heading=_("Good practices"),
        build=_practices("related_network"),
        order=200,
    )
)

# The admin dashboard ----------------------------------------------------------------------

register_page_count(
    NetworkPage,
    label=ngettext_lazy("%(count)d network", "%(count)d networks", "count"),
    icon="group",
    order=120,
)
register_page_count(
    GoodPracticePage,
    label=ngettext_lazy("%(count)d good practice", "%(count)d good practices", "count"),
    icon="success",
    order=130,
)
