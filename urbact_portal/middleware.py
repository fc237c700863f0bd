"""Security headers: one Content-Security-Policy mechanism for the public site and the admin."""

from django.conf import settings

ADMIN_PREFIX = "/admin/"
# Wagtail's document view sets its own policy ("default-src 'none'") on the files it serves.
UNTOUCHED_PREFIXES = ("/documents/",)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    """Adds a Content-Security-Policy and a Permissions-Policy.

    Public pages (CONTENT_SECURITY_POLICY) use only our own scripts and styles (no inline
    script), images from our own media and frames only from the two video providers, after the
    visitor asks for a video. The Wagtail admin (ADMIN_CONTENT_SECURITY_POLICY) gets the
    tightest policy its screens work under: see the setting's comment for what it allows and
    why. A view may set its own policy; it is then left as it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(UNTOUCHED_PREFIXES):
            return response
        if request.path.startswith(ADMIN_PREFIX):
            policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", "")
        else:
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
