"""The admin login form with the lockout message, and the two-factor code form."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed sign-in attempts. Sign-in for this user from your address is blocked "
        "for %(minutes)d minute; try again later or reset your password.",
        "Too many failed sign-in attempts. Sign-in for this user from your address is blocked "
        "for %(minutes)d minutes; try again later or reset your password.",
        minutes,
    ) % {"minutes": minutes}


class LoginForm(WagtailLoginForm):
    """Wagtail's login form; when django-axes has locked the user and address out, the form
    says so (in Slovene) instead of "wrong password", and keeps the typed username."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from the app"),
        help_text=_("The six-digit code your authenticator app shows now."),
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    error_messages = {
        "invalid": _(
            "The code is not right. Type the six digits your authenticator app shows now "
            "(a new code appears every 30 seconds)."
        ),
        "throttled": _("Too many wrong codes in a row. Wait a few seconds and try again."),
    }

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        allowed, _info = self.device.verify_is_allowed()
        if not allowed:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        if not token.isdigit() or not self.device.verify_token(token):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return token
