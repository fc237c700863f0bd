"""The stored messages of the contact form and their delivery state.

received → sending → sent, or → retrying → sending … → failed after CONTACT_MAX_ATTEMPTS.
"sending" is a claim: the attempt's id and the time it expires; a claim that expired (its
worker died) is taken over by the next attempt (urbact_portal/contact/delivery.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.forms.models import AbstractFormSubmission


class DeliveryState(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("delivery state", "received")
    SENDING = "sending", pgettext_lazy("delivery state", "sending")
    RETRYING = "retrying", pgettext_lazy("delivery state", "waiting for a retry")
    SENT = "sent", pgettext_lazy("delivery state", "sent")
    FAILED = "failed", pgettext_lazy("delivery state", "failed")


# Not delivered yet, and still being worked on.
UNSENT_STATES = (DeliveryState.RECEIVED, DeliveryState.SENDING, DeliveryState.RETRYING)


def new_message_id() -> str:
    """A Message-ID of the submission's own, fixed when it is stored: every copy of the
    message (a retry after a crash) carries the same one."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    return f"<contact.{uuid.uuid4().hex}@{domain}>"


class ContactSubmission(AbstractFormSubmission):
    """One message from the contact form and how its delivery went."""

    language = models.CharField(_("language"), max_length=8, blank=True)
    delivery_state = models.CharField(
        _("delivery"),
        max_length=16,
        choices=DeliveryState.choices,
        default=DeliveryState.RECEIVED,
    )
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # When the next attempt is due (received: at once; retrying: after the backoff).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # The claim of the attempt in progress ("sending"): its id and when it expires.
    claim_id = models.UUIDField(_("attempt"), null=True, blank=True, editable=False)
    claim_expires_at = models.DateTimeField(_("attempt expires"), null=True, blank=True)
    message_id = models.CharField(
        _("Message-ID"), max_length=255, default=new_message_id, editable=False
    )
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
            models.Index(
                fields=["next_attempt_at"],
                name="contact_unsent_due_idx",
                condition=models.Q(delivery_state__in=["received", "sending", "retrying"]),
            ),
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
            "message_id": self.message_id,
        }
