"""Wagtail admin hooks of the core. The contact form's are in urbact_portal/contact/; each
content app adds its own (e.g. its count on the dashboard, see urbact_portal/dashboard.py).

What NUP editors see here: themes in their own menu item ("Teme"), with a column per page
type that has themes, counting how many pages use each theme."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    admin_dates,  # noqa: F401  (its hook: the admin date pickers' fix)
    http_cache,
)
from .models import Theme

# Main menu order (Wagtail's own: pages 100, images 300, documents 400, forms 700,
# reports 9000, settings 10000, help 11000): themes sit right after the pages.
THEMES_MENU_ORDER = 200

# Form pages (the contact page) are never cached as public pages (urbact_portal/http_cache.py).
hooks.register("before_serve_page", http_cache.before_serve_page)


def theme_usages():
    """(column name, relation) for every page type that has themes (a many-to-many field to
    Theme), in the order the apps are installed: the theme list counts each."""
    return [
        (f"{rel.related_model._meta.model_name}_count", rel)
        for rel in Theme._meta.related_objects
        if rel.many_to_many and issubclass(rel.related_model, Page)
    ]


def _count_subquery(rel):
    """How many pages point to the theme through the many-to-many relation `rel`, as a
    subquery (independent counts without multiplying joins)."""
    field = rel.remote_field  # the many-to-many field on the page type
    theme = field.m2m_reverse_field_name()
    counted = (
        field.remote_field.through.objects.filter(**{theme: OuterRef("pk")})
        .order_by()
        .values(theme)
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
    list_export = ["name_sl", "name_en", "slug"]

    @property
    def list_display(self):
        # One column per page type with themes: "Novice", "Omrežja", "Dobre prakse", …
        return [
            "name",
            "slug",
            *(
                Column(
                    name, label=capfirst(rel.related_model._meta.verbose_name_plural), sort_key=name
                )
                for name, rel in theme_usages()
            ),
        ]

    def get_queryset(self, request):
        return Theme.objects.annotate(
            **{name: _count_subquery(rel) for name, rel in theme_usages()}
        )


register_snippet(ThemeViewSet)


@hooks.register("insert_editor_js")
def show_errors_script():
    """Page and snippet editors: switch on the language and open the tab holding an error
    (static/js/admin/show-errors.js)."""
    return format_html('<script src="{}"></script>', static("js/admin/show-errors.js"))
