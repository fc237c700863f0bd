"""Admin hooks for the contact form (submissions, delivery state, export).

Messages are listed under Wagtail's "Forms" menu (one list per contact page, with each
message's delivery state, a "send again" button for those not sent, and CSV/XLSX export);
the dashboard shows how many arrived lately and how many wait or failed."""

from django.urls import path
from wagtail import hooks
from wagtail.contrib.forms.utils import get_forms_for_user

from . import admin_views
from .models import ContactPage


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
    pages = list(get_forms_for_user(request.user).type(ContactPage))
    if pages:
        panels.append(admin_views.ContactSubmissionsPanel(pages))
