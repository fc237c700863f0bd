"""What a locked-out sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE)."""

from django.http import HttpResponse

from urbact_portal.contact.spam import client_ip

from .forms import lockout_message


def lockout_response(request, original_response=None, credentials=None):
    """The login page as Wagtail rendered it (our LoginForm put the lockout message on it,
    and the typed username stays in its field), with status 429; for any other sign-in
    (none exists today) a plain Slovene text."""
    if original_response is not None and getattr(original_response, "status_code", 0) == 200:
        original_response.status_code = 429
        return original_response
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")


def client_address(request):
    """The client's address for django-axes (AXES_CLIENT_IP_CALLABLE): the contact form's
    helper, so lockouts and the contact rate limit see the same address behind the proxy;
    None when there is none (a test client's forced sign-in)."""
    address = client_ip(request)
    return None if address == "unknown" else address
