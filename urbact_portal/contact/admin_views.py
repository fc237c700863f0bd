"""Admin views of the contact form: the submissions list (Wagtail's, with the delivery state
of each message, a "send again" button and a spreadsheet-safe CSV export), the resend action
and the dashboard panel."""

import csv
import datetime
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView

from .delivery import resend
from .submissions import UNSENT_STATES, ContactSubmission, DeliveryState

UTF8_BOM = "\ufeff".encode()
# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NEW_DAYS = 7
CELL_MAX_CHARS = 300


def csv_safe(value):
    """Neutralise spreadsheet formulas (CSV injection): such text gets a leading apostrophe."""
    if isinstance(value, str) and (
        value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES[:4])
    ):
        return "'" + value
    return value


def csv_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class _Echo:
    def write(self, value):
        return value.encode("utf-8")


class ContactSubmissionsListView(SubmissionsListView):
    results_template_name = "contact/admin/submissions_results.html"
    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        datetime.datetime: {
            **SubmissionsListView.custom_value_preprocess.get(datetime.datetime, {}),
            SubmissionsListView.FORMAT_CSV: csv_datetime,
        },
    }

    def stream_csv(self, queryset):
        """UTF-8 with a byte order mark (so Excel reads č, š, ž), formulas neutralised."""
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export)
        yield UTF8_BOM
        yield writer.writerow(
            {field: csv_safe(self.get_heading(queryset, field)) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            by_id = {submission.pk: submission for submission in context["submissions"]}
            names = [heading["name"] for heading in context["data_headings"]]
            for row in context["data_rows"]:
                row["submission"] = by_id.get(row["model_id"])
                row["cells"] = [
                    {"name": name, "value": display_cell(value)}
                    for name, value in zip(names, row["fields"], strict=True)
                ]
        return context


def display_cell(value):
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None:
        return ""
    return Truncator(str(value)).chars(CELL_MAX_CHARS)


@require_POST
def resend_view(request, submission_id):
    """Queue a not-yet-sent message for delivery again (users who may edit its page)."""
    submission = get_object_or_404(ContactSubmission, pk=submission_id)
    if not get_forms_for_user(request.user).filter(pk=submission.page_id).exists():
        raise PermissionDenied
    if resend(submission.pk) is None:
        messages.warning(request, _("This message has already been sent; it is never sent twice."))
    else:
        messages.success(request, _("The message is queued for delivery again."))
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailforms:list_submissions", args=[submission.page_id]
    )
    return redirect(next_url)


class ContactSubmissionsPanel(Component):
    """Dashboard: messages of the last days, and those waiting or failed."""

    name = "contact_submissions"
    template_name = "contact/admin/dashboard_panel.html"
    order = 90

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        since = timezone.now() - timedelta(days=NEW_DAYS)
        counts = ContactSubmission.objects.filter(page__in=self.pages).aggregate(
            new=Count("pk", filter=Q(submit_time__gte=since)),
            pending=Count("pk", filter=Q(delivery_state__in=UNSENT_STATES)),
            failed=Count("pk", filter=Q(delivery_state=DeliveryState.FAILED)),
        )
        context.update(
            counts=counts,
            new_days=NEW_DAYS,
            links=[
                (
                    page.get_admin_display_title(),
                    reverse("wagtailforms:list_submissions", args=[page.pk]),
                )
                for page in self.pages
            ],
            retention_months=settings.CONTACT_RETENTION_MONTHS,
        )
        return context
