"""The two-factor pages of the admin: the code after the password, and setting up (or
switching off) the authenticator app from the account page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm
from .two_factor import confirmed_device, must_set_up, qr_code_svg, required_for, safe_next


@never_cache
def verify(request):
    """Second step of signing in: the code from the app."""
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(safe_next(request))
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"form": form, "next": safe_next(request)},
        status=200 if request.method == "GET" or form.is_valid() else 400,
    )


def pending_device(user):
    """The unconfirmed device being set up: the same one (and QR code) on every reload."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="aplikacija", confirmed=False)
    return device


@never_cache
def setup(request):
    """Set up the app: scan the QR code (or type the key), confirm with a code."""
    user = request.user
    device = confirmed_device(user)
    if device is not None:
        if not user.is_verified():
            return redirect(reverse("urbact_2fa_verify"))
        return TemplateResponse(
            request,
            "accounts/setup.html",
            {"enabled": True, "form": TokenForm(device=device), "required": must_set_up(user)},
        )
    device = pending_device(user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on."))
        return redirect(safe_next(request, fallback="wagtailadmin_account"))
    key = device.config_url.split("secret=", 1)[1].split("&", 1)[0]
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "enabled": False,
            "form": form,
            "qr_code": qr_code_svg(device),
            "secret": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "required": must_set_up(user),
            "next": safe_next(request, fallback="wagtailadmin_account"),
        },
        status=200 if request.method == "GET" else 400,
    )


@require_POST
def disable(request):
    """Switch two-factor authentication off; it takes a current code."""
    user = request.user
    device = confirmed_device(user)
    if device is None:
        return redirect(reverse("urbact_2fa_setup"))
    form = TokenForm(request.POST, device=device)
    if required_for(user):
        messages.error(request, _("Superusers must keep two-factor authentication on."))
        return redirect(reverse("urbact_2fa_setup"))
    if form.is_valid():
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, _("Two-factor authentication is off."))
        return redirect(reverse("wagtailadmin_account"))
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {"enabled": True, "form": form, "required": False},
        status=400,
    )
