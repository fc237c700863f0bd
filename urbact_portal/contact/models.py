"""The contact page: a Wagtail form whose fields editors manage.

A valid message is stored first (submissions.py) and mailed afterwards by a background task
(delivery.py), so nothing is lost when the mail server is down. The page is the top of this
package: it hands requests to views.py and the admin's list to admin_views.py, and nothing
here is imported by them."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.search import index

from urbact_portal.admin_forms import FormPageForm
from urbact_portal.models.base import ENGLISH_PREVIEW, BasePage, preview_mode_label

from . import views
from .forms import ContactFormBuilder, default_form_fields
from .mail import DEFAULT_RECIPIENT
from .submissions import ContactSubmission

# Names the form itself uses for its spam defences; an editor's field never takes them.
RESERVED_FIELD_NAMES = frozenset({"website", "form_started"})


class ContactPage(FormMixin, BasePage):
    # FormMixin's form class with the core's slug checks (urbact_portal/admin_forms.py).
    base_form_class = FormPageForm

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown above the form."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown after a message has been sent. Leave empty for a short standard text."),
    )
    to_address = models.CharField(
        _("recipients"),
        max_length=255,
        default=DEFAULT_RECIPIENT,
        validators=[validate_to_address],
        help_text=_("The address(es) that receive the messages. Separate several with commas."),
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            label=_("Form fields"),
            help_text=_(
                "Leave empty when creating the page to get the standard fields: name, e-mail, "
                "organisation, subject, message and consent."
            ),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("to_address")], heading=_("Delivery")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["urbact_portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    form_builder = ContactFormBuilder

    def save(self, *args, **kwargs):
        # A new contact page without fields gets the standard ones, saved with the page.
        if self._state.adding and not list(self.form_fields.all()):
            self.form_fields = [ContactFormField(**values) for values in default_form_fields()]
        return super().save(*args, **kwargs)

    def get_summary(self) -> str:
        # The introduction is rich text; cards, search results and meta tags want plain text.
        text = " ".join(strip_tags(self.intro or "").split())
        return text or self.search_description or ""

    @property
    def recipients(self) -> list[str]:
        return [address.strip() for address in self.to_address.split(",") if address.strip()]

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views need the app registry ready.
        from .admin_views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_data_fields(self):
        # The delivery state right after the date, so editors see it next to each message;
        # the details of delivery after the message's own fields.
        submit_time, *form_fields = super().get_data_fields()
        return [
            submit_time,
            ("delivery_state", _("Delivery")),
            *form_fields,
            ("attempts", _("Attempts")),
            ("sent_at", _("Sent")),
            ("last_error", _("Last error")),
            ("message_id", _("Message-ID")),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        return views.serve_contact_page(self, request)

    # The form and its thank-you page, each in Slovene and in English ("en:…", see BasePage).
    FORM_PREVIEW_MODES = [("form", _("Form")), ("landing", _("Thank-you page"))]

    @property
    def preview_modes(self):
        return [
            (
                ":".join(part for part in (prefix, name) if part),
                preview_mode_label(language, name, label),
            )
            for language, prefix in (("sl", ""), ("en", ENGLISH_PREVIEW))
            for name, label in self.FORM_PREVIEW_MODES
        ]

    def serve_preview(self, request, mode_name):
        return views.serve_contact_preview(self, request, mode_name)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        form = self.get_form(page=self, user=request.user)
        context.update(views.form_context(self, request, form))
        return context


class ContactFormField(AbstractFormField):
    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="form_fields")
    # Wagtail's field, with a help text of its own (every field an editor meets has one).
    help_text = models.CharField(
        verbose_name=_("help text"),
        max_length=255,
        blank=True,
        help_text=_("A hint shown under the field on the form, e.g. what to write. Optional."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required", help_text=_("Visitors cannot send the form without it.")),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text=_("What visitors enter: a line of text, an e-mail address, a choice…"),
        ),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def get_field_clean_name(self):
        name = get_field_clean_name(self.label)
        return f"{name}_field" if name in RESERVED_FIELD_NAMES else name
