"""Admin hooks for the contact form (submissions, delivery state, export).

Messages are listed under Wagtail's "Forms" menu (one list per contact page, with each
message's delivery state, a "send again" button for those not sent, and CSV/XLSX export);
the dashboard shows how many arrived lately and how many wait or failed."""

from django.urls import path
from wagtail import hooks

from urbact_portal.contact import admin_views


@hooks.register("register_admin_urls")
def register_contact_admin_urls():
    return [
        path(
            "contact/submissions/<int:submission_id>/resend/",
            admin_views.resend_view,
            name="urbact_contact_resend",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_contact_submissions_panel(request, panels):
    pages = list(admin_views.contact_pages_for_user(request.user))
    if pages:
        panels.append(admin_views.ContactSubmissionsPanel(pages))
