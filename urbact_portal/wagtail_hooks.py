"""Wagtail admin hooks of the site. The contact form's are in urbact_portal/contact/.

What NUP editors see: the admin in Slovene, themes in their own menu item ("Teme"),
site settings under "Nastavitve", and a dashboard that counts the site's content."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme

# Main menu order (Wagtail's own: pages 100, images 300, documents 400, forms 700,
# reports 9000, settings 10000, help 11000): themes sit right after the pages.
THEMES_MENU_ORDER = 200


def _count_subquery(model, field):
    """How many `model` rows point to the theme through the m2m `field`, as a subquery
    (three independent counts without multiplying joins)."""
    through = model._meta.get_field(field).remote_field.through
    counted = (
        through.objects.filter(theme_id=OuterRef("pk"))
        .order_by()
        .values("theme_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class ThemeIndexView(snippet_views.IndexView):
    # Wagtail composes "Add %(model_name)s"; Slovene needs the accusative ("Dodaj temo").
    add_item_label = _("Add a theme")


class ThemeCreateView(snippet_views.CreateView):
    # "Nova tema", not Wagtail's composed "Nov: tema".
    page_title = _("New theme")

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items[-1] = dict(items[-1], label=self.page_title)
        return items


class ThemeViewSet(SnippetViewSet):
    model = Theme
    index_view_class = ThemeIndexView
    add_view_class = ThemeCreateView
    icon = "tag"
    menu_label = _("Themes")
    menu_name = "themes"
    menu_order = THEMES_MENU_ORDER
    add_to_admin_menu = True
    # Search both languages' names and the slug with the database, so a theme is found
    # whatever language the editor types in.
    search_backend_name = None
    search_fields = ["name_sl", "name_en", "slug"]
    ordering = ["name_sl"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        "slug",
        Column("news_count", label=_("News"), sort_key="news_count"),
        Column("network_count", label=_("Networks"), sort_key="network_count"),
        Column("practice_count", label=_("Good practices"), sort_key="practice_count"),
    ]
    list_export = ["name_sl", "name_en", "slug"]

    def get_queryset(self, request):
        from networks.models import GoodPracticePage, NetworkPage
        from news.models import NewsPage

        return Theme.objects.annotate(
            news_count=_count_subquery(NewsPage, "themes"),
            network_count=_count_subquery(NetworkPage, "themes"),
            practice_count=_count_subquery(GoodPracticePage, "themes"),
        )


register_snippet(ThemeViewSet)


class ContentCountSummaryItem(SummaryItem):
    """One line of the dashboard summary: how many pages of a type exist, linked to the
    page explorer of their listing page."""

    template_name = "wagtailadmin/urbact/summary_item.html"
    icon = "doc-empty"

    def get_model(self):
        raise NotImplementedError

    def get_index_model(self):
        raise NotImplementedError

    def get_label(self, count):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        count = self.get_model().objects.count()
        index = self.get_index_model().objects.first()
        return {
            "icon": self.icon,
            "label": self.get_label(count),
            "url": reverse("wagtailadmin_explore", args=[index.pk]) if index else "",
        }

    def is_shown(self):
        return self.request.user.has_perm("wagtailadmin.access_admin")


class NewsSummaryItem(ContentCountSummaryItem):
    order = 110
    icon = "calendar-alt"

    def get_model(self):
        from news.models import NewsPage

        return NewsPage

    def get_index_model(self):
        from news.models import NewsIndexPage

        return NewsIndexPage

    def get_label(self, count):
        return ngettext("%(count)d news item", "%(count)d news items", count) % {"count": count}


class NetworksSummaryItem(ContentCountSummaryItem):
    order = 120
    icon = "group"

    def get_model(self):
        from networks.models import NetworkPage

        return NetworkPage

    def get_index_model(self):
        from networks.models import NetworkIndexPage

        return NetworkIndexPage

    def get_label(self, count):
        return ngettext("%(count)d network", "%(count)d networks", count) % {"count": count}


class GoodPracticesSummaryItem(ContentCountSummaryItem):
    order = 130
    icon = "success"

    def get_model(self):
        from networks.models import GoodPracticePage

        return GoodPracticePage

    def get_index_model(self):
        from networks.models import GoodPracticeIndexPage

        return GoodPracticeIndexPage

    def get_label(self, count):
        return ngettext("%(count)d good practice", "%(count)d good practices", count) % {
            "count": count
        }


class CitiesSummaryItem(ContentCountSummaryItem):
    order = 140
    icon = "site"

    def get_model(self):
        from cities.models import CityPage

        return CityPage

    def get_index_model(self):
        from cities.models import CityIndexPage

        return CityIndexPage

    def get_label(self, count):
        return ngettext("%(count)d city", "%(count)d cities", count) % {"count": count}


@hooks.register("construct_homepage_summary_items")
def add_content_counts(request, summary_items):
    summary_items.extend(
        item(request)
        for item in (
            NewsSummaryItem,
            NetworksSummaryItem,
            GoodPracticesSummaryItem,
            CitiesSummaryItem,
        )
    )
