"""Wagtail admin hooks of the core. The contact form's are in urbact_portal/contact/; each
content app adds its own (e.g. its count on the dashboard, see urbact_portal/dashboard.py).

What NUP editors see here: themes in their own menu item ("Teme"), with a column per page
type that has themes, counting how many pages use each theme."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.contrib.redirects.forms import ConfirmImportForm
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import (
    admin_dates,  # noqa: F401  (its hook: the admin date pickers' fix)
    http_cache,
    translation_report,
)
from .english import english_active, page_exists_in_english
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


# --- translations (urbact_portal/translation_status.py) -----------------------------------


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    view = translation_report.MissingTranslationsView
    return [
        path("porocila/manjkajoci-prevodi/", view.as_view(), name=view.index_url_name),
        path(
            "porocila/manjkajoci-prevodi/rezultati/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Missing translations"),
        reverse("urbact_missing_translations"),
        icon_name="globe",
        order=50,
    )


# The page explorer and the page search list a column "Angleščina" before "Stanje". Wagtail
# has no hook for the explorer's columns: they are its listing views' class attribute.
for _view in (ExplorableIndexView, PageIndexView):
    if not any(column.name == "english" for column in _view.base_columns):
        _status = next(i for i, c in enumerate(_view.base_columns) if c.name == "status")
        _view.base_columns.insert(_status, translation_report.english_column())


@hooks.register("before_serve_page")
def slovene_only_page_in_english(page, request, serve_args, serve_kwargs):
    """A page that does not exist in English (urbact_portal/english.py) answers its English
    address with a temporary redirect (302) to its Slovene address, never as if it were English.
    Temporary, because the editor may add the English version later: a permanent redirect
    would stay in browsers' and search engines' caches and hide it. Previews do not pass here
    (an editor can still preview the English version being written)."""
    if not english_active() or page_exists_in_english(page):
        return None
    english_url = page.get_url(request)
    with translation.override(settings.LANGUAGE_CODE):
        slovene_url = page.get_url(request)
    if not slovene_url:
        return None
    # Keep what follows the page's address: a routable page's sub-path ("/en/…/2/" →
    # "/…/2/") or an event's calendar file ("/en/events/x.ics" → "/dogodki/x.ics").
    stem = (english_url or "").rstrip("/")
    if stem and request.path.startswith(stem) and request.path != english_url:
        slovene_url = slovene_url.rstrip("/") + request.path[len(stem) :]
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{slovene_url}?{query}" if query else slovene_url)


# Importing redirects (Nastavitve → Preusmeritve → Uvozi): Wagtail's confirmation form labels
# its "permanent" box with the bare field name, which no catalogue translates.
ConfirmImportForm.base_fields["permanent"].label = _("Permanent redirects (301)")
ConfirmImportForm.base_fields["permanent"].help_text = _(
    "Recommended: the old addresses answer with 301, and search engines move to the new ones."
)
