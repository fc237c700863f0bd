"""The admin dashboard's summary: how many pages of each content type exist.

The core names no content type: each app calls register_page_count() in its
wagtail_hooks.py for the page types it wants counted."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem


class PageCountSummaryItem(SummaryItem):
    """One line of the dashboard summary: how many pages of a type exist, linked to the
    page explorer of their listing page."""

    template_name = "wagtailadmin/urbact/summary_item.html"

    def __init__(self, request, model, *, label, icon, order, index_model=None):
        super().__init__(request)
        self.model = model
        self.label = label
        self.icon = icon
        self.order = order
        self.index_model = index_model

    def get_index_model(self):
        if self.index_model is not None:
            return self.index_model
        parents = self.model.allowed_parent_page_models()
        return parents[0] if parents else None

    def get_context_data(self, parent_context):
        count = self.model.objects.count()
        index_model = self.get_index_model()
        index = index_model.objects.first() if index_model is not None else None
        return {
            "icon": self.icon,
            "label": self.label % {"count": count},
            "url": reverse("wagtailadmin_explore", args=[index.pk]) if index else "",
        }

    def is_shown(self):
        return self.request.user.has_perm("wagtailadmin.access_admin")


def register_page_count(model, *, label, icon="doc-empty", order=100, index_model=None):
    """Count `model`'s pages on the dashboard. `label`: a lazy plural with a "count"
    placeholder, e.g. ngettext_lazy("%(count)d city", "%(count)d cities", "count"); the link
    goes to the explorer of `index_model` (default: the type's first allowed parent)."""

    def add_count(request, summary_items):
        summary_items.append(
            PageCountSummaryItem(
                request, model, label=label, icon=icon, order=order, index_model=index_model
            )
        )

    hooks.register("construct_homepage_summary_items", add_count)
