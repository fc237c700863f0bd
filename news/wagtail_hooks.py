"""What the news app adds to the site and its admin: the latest news on the home page, the
news about a city or a network on their pages, and a count on the admin dashboard."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from urbact_portal.dashboard import register_page_count
from urbact_portal.extensions import (
    HomeSection,
    RelatedSection,
    register_home_section,
    register_related_section,
)
from urbact_portal.models.relations import live_related

from .home import latest_news
from .models import NewsPage

register_home_section(
    HomeSection(
        name="latest_news",
        template="news/home_latest_news.html",
        build=latest_news,
        order=100,
    )
)


def _news_about(lookup, limit):
    def build(page):
        return live_related(
            NewsPage.objects.filter(**{lookup: page}),
            order_by="-date",
            select_related=["image"],
            prefetch=["image__renditions"],
            limit=limit,
        )

    return build


register_related_section(
    RelatedSection(
        target="cities.CityPage",
        name="news",
        heading=_("News"),
        build=_news_about("related_cities", limit=6),
        order=300,
        empty_text=lambda page: _("There is no news about %(city)s yet.") % {"city": page.title},
    )
)
register_related_section(
    RelatedSection(
        target="networks.NetworkPage",
        name="news",
        heading=_("News about the network"),
        build=_news_about("related_networks", limit=4),
        order=300,
    )
)

register_page_count(
    NewsPage,
    label=ngettext_lazy("%(count)d news item", "%(count)d news items", "count"),
    icon="calendar-alt",
    order=110,
)
