"""The contact page: a Wagtail form whose fields editors manage, and the stored submissions
with their delivery state.

A valid message is stored first and mailed afterwards by a background task (see
urbact_portal/contact/), so nothing is lost when the mail server is down."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    AbstractFormSubmission,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.search import index

from urbact_portal.contact.forms import ContactFormBuilder

from .base import ENGLISH_PREVIEW, BasePage, preview_mode_label

DEFAULT_RECIPIENT = "urbact@ipop.si"

# Names the form itself uses for its spam defences; an editor's field never takes them.
RESERVED_FIELD_NAMES = frozenset({"website", "form_started"})


class DeliveryState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("delivery state", "waiting")
    SENT = "sent", pgettext_lazy("delivery state", "sent")
    FAILED = "failed", pgettext_lazy("delivery state", "failed")


class ContactPage(FormMixin, BasePage):
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
            from urbact_portal.contact.forms import default_form_fields

            self.form_fields = default_form_fields()
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
        from urbact_portal.contact.admin_views import ContactSubmissionsListView

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
        ]

    def get_context(self, request, *args, **kwargs):
        from urbact_portal.contact.views import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from urbact_portal.contact.views import serve_contact_page

        return serve_contact_page(self, request)

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
        from urbact_portal.contact.views import serve_contact_preview

        return serve_contact_preview(self, request, mode_name)

    def get_preview_context(self, request, mode_name):
        from urbact_portal.contact.views import form_context

        context = super().get_preview_context(request, mode_name)
        context.update(form_context(self, request, self.get_form(page=self, user=request.user)))
        return context


class ContactFormField(AbstractFormField):
    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def get_field_clean_name(self):
        name = get_field_clean_name(self.label)
        return f"{name}_field" if name in RESERVED_FIELD_NAMES else name


class ContactSubmission(AbstractFormSubmission):
    """One message from the contact form and how its delivery went."""

    language = models.CharField(_("language"), max_length=8, blank=True)
    delivery_state = models.CharField(
        _("delivery"),
        max_length=16,
        choices=DeliveryState.choices,
        default=DeliveryState.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The delivery task that may act on this submission; older tasks (e.g. a retry made
    # obsolete by a manual resend) find a different id here and do nothing.
    task_id = models.CharField(_("delivery task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("contact form message")
        verbose_name_plural = _("contact form messages")
        ordering = ["-submit_time"]
        indexes = [
            models.Index(fields=["submit_time"], name="contact_submit_time_idx"),
            models.Index(fields=["delivery_state"], name="contact_delivery_state_idx"),
        ]

    def __str__(self):
        data = self.form_data or {}
        return " – ".join(str(data.get(key)) for key in ("name", "subject") if data.get(key)) or (
            f"#{self.pk}"
        )

    @property
    def can_resend(self) -> bool:
        return self.delivery_state != DeliveryState.SENT

    def get_data(self):
        return {
            **super().get_data(),
            "delivery_state": self.get_delivery_state_display(),
            "attempts": self.attempts,
            "sent_at": self.sent_at,
            "last_error": self.last_error,
        }
