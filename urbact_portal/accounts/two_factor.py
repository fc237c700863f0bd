"""Two-factor authentication with a TOTP app (django-otp's TOTP devices).

An account with a confirmed device is signed in in two steps: the password on Wagtail's own
login page, then a six-digit code on our "verify" page. Until the code is right the session
holds an unverified user: the admin sends it to the verify page, and the public site treats
it as a visitor. With REQUIRE_2FA_FOR_SUPERUSERS a superuser without a device is sent to the
setup page before anything else in the admin."""

import io

import segno
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

# What an unverified session may still reach in the admin: signing out, the verify and
# setup pages themselves, and the admin's translation catalogue and icons they load.
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "urbact_2fa_verify",
    "urbact_2fa_setup",
}


def confirmed_device(user):
    """The user's confirmed TOTP device, or None."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def required_for(user):
    """Whether this account may not work without a second factor."""
    return bool(getattr(settings, "REQUIRE_2FA_FOR_SUPERUSERS", False) and user.is_superuser)


def must_set_up(user):
    return required_for(user) and confirmed_device(user) is None


def qr_code_svg(device):
    """The device's otpauth:// address as an inline SVG QR code (made here; no request to
    any other site)."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, title=None
    )
    return out.getvalue().decode()


def safe_next(request, fallback="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(fallback)


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware (which adds request.user.is_verified())."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            response = self.check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request, user):
        admin_prefix = reverse("wagtailadmin_home")
        in_admin = request.path.startswith(admin_prefix)
        device = confirmed_device(user)
        if device is None:
            if in_admin and must_set_up(user) and not self.is_open(request):
                return self.send_to("urbact_2fa_setup", request)
            return None
        if not in_admin:
            # Half signed in: the public site (private pages, drafts' previews) sees a visitor.
            request.user = AnonymousUser()
            return None
        if self.is_open(request):
            return None
        return self.send_to("urbact_2fa_verify", request)

    @staticmethod
    def is_open(request):
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return False
        return match.url_name in OPEN_ADMIN_VIEWS

    @staticmethod
    def send_to(view_name, request):
        url = reverse(view_name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
