"""Development: `make run`. SQLite by default; mail to files in var/mail/, or to the SMTP
server of EMAIL_URL / EMAIL_HOST when one is set (read as production reads them)."""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR
from .env import env_bool, env_list, env_str
from .mail import email_settings_from_env

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
INTERNAL_IPS = ["127.0.0.1"]

EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
if env_str("EMAIL_URL") or env_str("EMAIL_HOST"):
    globals().update(email_settings_from_env())
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
