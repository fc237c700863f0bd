"""The admin's view of translations (urbact_portal/translation_status.py): the report
"Manjkajoči prevodi" and the page explorer's column "Angleščina"."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, get_page_content_types

from urbact_portal import translation_status
from urbact_portal.english import page_exists_in_english

MISSING = "missing"
PARTIAL = "partial"


class MissingTranslationsFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(
        label=_("What is missing"),
        choices=[
            (MISSING, _("No English version")),
            (PARTIAL, _("English title, untranslated text")),
        ],
        empty_label=_("Either"),
        method="filter_problem",
    )
    content_type = ContentTypeFilter(
        label=_("Page type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )
    live = django_filters.BooleanFilter(
        label=_("Published"),
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Page
        fields = ["problem", "content_type", "live"]

    def filter_problem(self, queryset, name, value):
        if value == MISSING:
            return queryset.filter(pk__in=translation_status.pages_without_english().values("pk"))
        if value == PARTIAL:
            return queryset.filter(pk__in=translation_status.pages_partly_in_english().values("pk"))
        return queryset


class MissingTranslationsView(PageReportView):
    page_title = _("Missing translations")
    header_icon = "globe"
    results_template_name = "urbact_portal/admin/missing_translations_results.html"
    filterset_class = MissingTranslationsFilterSet
    index_url_name = "urbact_missing_translations"
    index_results_url_name = "urbact_missing_translations_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "title_en", "status_string", "missing"]
    export_headings = {
        "title": _("Title"),
        "title_en": _("English title"),
        "status_string": _("Status"),
        "missing": _("What is missing"),
    }

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        missing = translation_status.pages_without_english().values("pk")
        partial = translation_status.pages_partly_in_english().values("pk")
        self.queryset = (
            editable.filter(depth__gt=1)
            .filter(Q(pk__in=missing) | Q(pk__in=partial))
            .select_related("content_type")
            .order_by("path")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        specific = {
            page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()
        }
        for page in pages:
            if not page_exists_in_english(page):
                page.missing = str(_("No English version"))
                page.missing_fields = []
            else:
                fields = translation_status.untranslated_fields(specific[page.pk])
                page.missing_fields = fields
                page.missing = ", ".join(str(field) for field in fields)
        return pages


def english_status(page):
    return _("yes") if page_exists_in_english(page) else _("Slovene only")


def english_column():
    """The explorer's column: whether each page exists in English."""
    return Column("english", label=_("English"), accessor=english_status, width="12%")
