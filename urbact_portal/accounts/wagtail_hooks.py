"""The two-factor pages in the admin and their entry on the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/prijava/", views.verify, name="urbact_2fa_verify"),
        path("2fa/", views.setup, name="urbact_2fa_setup"),
        path("2fa/izklop/", views.disable, name="urbact_2fa_disable"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("urbact_2fa_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Sign in with a code from an authenticator app on your phone as well."),
    }
