"""Admin panels of the core.

`ReferencingPagesPanel` shows, read-only on a page's edit view, the pages of other types that
point to it (e.g. on a city: the networks it takes part in and its good practices), with
links to edit and to view them. It names the reverse relations by their accessor only, so
the page type's app never imports the apps that point to it."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.panels import Panel


@dataclass(frozen=True)
class Referrers:
    """One list of the panel: `accessor` is the reverse relation on the page (a manager);
    `page_attribute` names the page on each related object when those objects are not pages
    themselves (e.g. "network" on a network's participant row); `heading` is the list's
    heading and `empty_text` the sentence shown when nothing points to the page. A related
    object's `admin_note()`, if it has one, is shown beside the page (e.g. a role)."""

    accessor: str
    heading: str
    empty_text: str
    page_attribute: str | None = None


class ReferencingPagesPanel(Panel):
    def __init__(self, referrers=(), **kwargs):
        super().__init__(**kwargs)
        self.referrers = list(referrers)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["referrers"] = self.referrers
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "referencing-pages"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/urbact/referencing_pages_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lists"] = [
                {
                    "heading": referrers.heading,
                    "empty_text": referrers.empty_text,
                    "rows": self.rows(referrers) if self.instance.pk else [],
                }
                for referrers in self.panel.referrers
            ]
            return context

        def rows(self, referrers):
            related = getattr(self.instance, referrers.accessor).all()
            if referrers.page_attribute:
                related = related.select_related(referrers.page_attribute)
            rows = []
            for item in related:
                page = getattr(item, referrers.page_attribute) if referrers.page_attribute else item
                note = item.admin_note() if hasattr(item, "admin_note") else ""
                rows.append(
                    {
                        "title": page.get_admin_display_title(),
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "live_url": page.get_url(self.request) if page.live else "",
                        "live": page.live,
                        "note": note,
                    }
                )
            rows.sort(key=lambda row: str(row["title"]).casefold())
            return rows
