"""The stored messages of the contact form and their delivery state."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.models import AbstractFormSubmission


class DeliveryState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("delivery state", "waiting")
    SENT = "sent", pgettext_lazy("delivery state", "sent")
    FAILED = "failed", pgettext_lazy("delivery state", "failed")


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
    # The digest of the signed start time that brought this message: each shown form sends
    # one message (urbact_portal/contact/spam.py).
    form_token = models.CharField(
        _("form token"), max_length=64, null=True, blank=True, unique=True, editable=False
    )

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
