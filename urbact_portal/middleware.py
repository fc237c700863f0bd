"""Security headers for the public site."""

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/documents/")


class SecurityHeadersMiddleware:
    """Adds a Content-Security-Policy and a Permissions-Policy to public responses.

    Public pages use only our own scripts and styles (no inline script), images from our own
    media and frames only from the two video providers, after the visitor asks for a video.
    The Wagtail admin has its own needs (inline scripts) and is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            return response
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = (
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
            )
        return response
