"""What production refuses to start without. Each refusal is one line that says what to set,
raised as ImproperlyConfigured while the settings load (so gunicorn, the workers and every
management command stop before serving anything)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_list

SECRET_KEY_MIN_LENGTH = 50  # Django's own check (security.W009) asks for the same
GENERATE_HINT = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"

# Values that appear in the repository (.env.example, docs, the Docker build) and so are
# public: a site started with one of them has a known key.
PLACEHOLDER_KEYS = {
    "change-me-to-a-long-random-string",
    "change-me",
    "build",
    "dev-only-insecure-key-do-not-use-in-production",
    "test-only-key",
}


def require_secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if not key:
        raise ImproperlyConfigured(
            f"SECRET_KEY is not set: set it to a random string of at least "
            f"{SECRET_KEY_MIN_LENGTH} characters ({GENERATE_HINT})."
        )
    if key in PLACEHOLDER_KEYS or key.startswith(("change-me", "django-insecure-")):
        raise ImproperlyConfigured(
            f"SECRET_KEY is the placeholder from the documentation: replace it with a random "
            f"string of at least {SECRET_KEY_MIN_LENGTH} characters ({GENERATE_HINT})."
        )
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < 5:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short ({len(key)} characters): set a random string of at "
            f"least {SECRET_KEY_MIN_LENGTH} characters ({GENERATE_HINT})."
        )
    return key


def require_debug_off() -> bool:
    if env_bool("DEBUG", False):
        raise ImproperlyConfigured(
            "DEBUG is on in production: remove DEBUG from the environment or set DEBUG=0."
        )
    return False


def require_allowed_hosts() -> list[str]:
    hosts = env_list("ALLOWED_HOSTS")
    if not hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set: set it to the site's host names, comma-separated "
            "(e.g. ALLOWED_HOSTS=urbact.si,www.urbact.si)."
        )
    if "*" in hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must name the site's hosts, not '*' (e.g. ALLOWED_HOSTS=urbact.si)."
        )
    return hosts
