"""Production: gunicorn behind the nginx proxy (deploy/), PostgreSQL, Redis, the mail worker
and the scheduler. Everything comes from the environment (.env.example lists it; the README's
"Production" section explains it). The settings refuse to load without a real SECRET_KEY and
ALLOWED_HOSTS, or with DEBUG on (settings/secrets.py)."""

from urbact_portal.ops.logs import logging_config
from urbact_portal.ops.sentry import init_sentry

from .base import *  # noqa: F401,F403
from .base import DATABASES, DJANGO_GUID, STORAGES
from .env import env_bool, env_int, env_list, env_str
from .mail import email_settings_from_env
from .secrets import require_allowed_hosts, require_debug_off, require_secret_key

DEBUG = require_debug_off()
SECRET_KEY = require_secret_key()
ALLOWED_HOSTS = require_allowed_hosts()
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Persistent database connections (a new PostgreSQL connection costs 7-10 ms per request),
# checked before each request reuses them so a restarted database costs no errors.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

STORAGES = {
    "default": STORAGES["default"],  # media: local or S3 (settings/storage.py)
    # Hashed names (served by the proxy with a year of immutable caching) plus .gz and .br
    # copies that the proxy sends as they are.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: the proxy terminates TLS and sets X-Forwarded-Proto (overwriting whatever a client
# sent). `make prod` serves plain HTTP on loopback and its proxy sends "https" too, so these
# settings behave there as on the real site.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# HSTS preload would commit urbact.si and every subdomain to HTTPS in browsers' built-in lists
# for months, beyond this application's control: that is the NUP's decision, not a default.
# Set SECURE_HSTS_PRELOAD=1 once they have decided (and submitted the domain to hstspreload.org).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

globals().update(email_settings_from_env())

WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "https://urbact.si")

# Superusers sign in with a second factor (README "Editing"); REQUIRE_2FA_FOR_SUPERUSERS=0
# switches that off.
REQUIRE_2FA_FOR_SUPERUSERS = env_bool("REQUIRE_2FA_FOR_SUPERUSERS", True)

# JSON lines on stderr with the request id; LOG_FORMAT=plain for a person at a terminal.
LOGGING = logging_config(
    json=env_str("LOG_FORMAT", "json") != "plain", level=env_str("LOG_LEVEL", "INFO")
)

# Errors to Sentry when SENTRY_DSN is set (optional extra: pip install ".[sentry]").
if init_sentry():
    from django_guid.integrations import SentryIntegration

    DJANGO_GUID = {**DJANGO_GUID, "INTEGRATIONS": [SentryIntegration()]}
