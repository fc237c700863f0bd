"""Settings shared by every environment. Anything that differs between machines is read
from the environment in dev.py / production.py / test.py or here with a safe default."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from urbact_portal.ops.logs import logging_config

from .env import env_bool, env_int, env_list, env_str
from .storage import FILESYSTEM, media_origin, media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Translation first: wagtail_modeltranslation registers Page's translated fields before
    # any subclass is registered, and ships the migrate/makemigrations commands that handle
    # Page's translation columns (added by sync_page_translation_fields, not migrations).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    # Our apps: their templates and management commands win over Wagtail's.
    "urbact_portal",
    "urbact_portal.contact",
    "urbact_portal.accounts",
    "urbact_portal.ops",
    "news",
    "networks",
    "cities",
    "events",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Last, as django-axes asks: it watches every other app's sign-ins.
    "axes",
]

MIDDLEWARE = [
    # /healthz answers before the host check and the HTTPS redirect (urbact_portal/ops/health.py).
    "urbact_portal.ops.health.HealthCheckMiddleware",
    # A request id for every log line and the X-Request-ID response header.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control/ETag/Last-Modified of public pages; 304 before any view (http_cache.py).
    "urbact_portal.http_cache.PageCacheMiddleware",
    # The request's Wagtail Site from the cache, not a query per request (speed.py).
    "urbact_portal.speed.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, minus `Vary: Accept-Language`: the address alone sets the language.
    "urbact_portal.http_cache.UrlLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor authentication (urbact_portal/accounts/two_factor.py): request.user knows
    # whether it gave its code; the admin asks for it.
    "django_otp.middleware.OTPMiddleware",
    "urbact_portal.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "urbact_portal.middleware.SecurityHeadersMiddleware",
    # Last: turns a locked-out sign-in into its response (urbact_portal/accounts/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urbact_portal.urls"
WSGI_APPLICATION = "urbact_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, e.g. postgres://user:pass@host:5432/urbact. Default: SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in: django-axes first (it refuses a locked-out user+address before any password check).
# AxesBackend rather than the standalone one: it can also load the user of a session, which a
# session made by force_login (tests) names as its backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Slovene is the default language, served without a prefix;
# English lives under /en/.
LANGUAGE_CODE = "sl"
LANGUAGES = [
    ("sl", _("Slovene")),
    ("en", _("English")),
]
# locale/: the project's catalogues (`make messages`). locale_wagtail/: hand-kept Slovene for the
# admin strings that Wagtail and wagtail-modeltranslation ship untranslated.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["urbact_portal.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "sl"
MODELTRANSLATION_LANGUAGES = ("sl", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("sl",)}
MODELTRANSLATION_AUTO_POPULATE = False
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    # The local MEDIA_ROOT, or S3-compatible object storage (settings/storage.py).
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if STORAGES["default"]["BACKEND"] != FILESYSTEM["BACKEND"]:
    # Documents keep going through Wagtail's view (privacy checks), which streams them.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Backups (manage.py backup / restore, urbact_portal/ops/backup.py): dated archives of the
# database and the media files, kept BACKUP_KEEP_DAYS days.
BACKUP_DIR = Path(env_str("BACKUP_DIR") or BASE_DIR / "var" / "backups")
BACKUP_KEEP_DAYS = env_int("BACKUP_KEEP_DAYS", 14)

# Uploads: Wagtail's own limits give a clear message in the admin; Django's request limits
# stop absurd bodies before they reach a form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# The site's own document model (translated title and description; the library's fields)
# and its edit form, which shows both languages (urbact_portal/document_forms.py).
WAGTAILDOCS_DOCUMENT_MODEL = "urbact_portal.SiteDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "urbact_portal.document_forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are downloads (Content-Disposition: attachment), PDFs included: an uploaded file
# never renders as a page of the site.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Behind the production proxy, documents are sent by nginx after Wagtail's privacy checks
# (urbact_portal/ops/sendfile.py); elsewhere Django streams them.
if env_bool("MEDIA_X_ACCEL_REDIRECT", False):
    SENDFILE_BACKEND = "urbact_portal.ops.sendfile"

# Wagtail
WAGTAIL_SITE_NAME = "URBACT Slovenija"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # translation is modeltranslation's job
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin's date pickers: Python strftime formats (not Django's "d. m. Y" syntax); both must
# be among DATE_INPUT_FORMATS / DATETIME_INPUT_FORMATS of every admin language (formats/).
WAGTAIL_DATE_FORMAT = "%d. %m. %Y"
WAGTAIL_DATETIME_FORMAT = "%d. %m. %Y %H:%M"
# No avatars from gravatar.com: the admin makes no third-party requests either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sl", "Slovenščina"), ("en", "English")]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail's database backend, with pages searched by the site's own machinery (titles in
# both languages, accents and Slovene inflection): see urbact_portal/search_backend.py.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "urbact_portal.search_backend"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "png", "webp": "webp"}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# Accounts (urbact_portal/accounts/). Failed admin sign-ins: AXES_FAILURE_LIMIT wrong
# passwords for one user from one address lock that pair out for AXES_COOLOFF_MINUTES, with
# a Slovene message on the login page. The address comes from the same helper as the contact
# form's rate limit.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "urbact_portal.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "urbact_portal.accounts.lockout.lockout_response"
AXES_VERBOSE = False
WAGTAILADMIN_USER_LOGIN_FORM = "urbact_portal.accounts.forms.LoginForm"
# Two-factor authentication with an authenticator app (TOTP). Every account may switch it on
# (Račun → Dvostopenjska prijava); REQUIRE_2FA_FOR_SUPERUSERS makes it compulsory for
# superusers (on in production unless set to 0).
REQUIRE_2FA_FOR_SUPERUSERS = env_bool("REQUIRE_2FA_FOR_SUPERUSERS", False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Cache: Redis when REDIS_URL is set, otherwise process-local memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Several sites (or test runs) may share one Redis: CACHE_KEY_PREFIX keeps them apart.
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "urbact"),
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "urbact",
        }
    }

# Sessions live in the database with the cache in front: fast while Redis answers, and a
# Redis outage or restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background tasks. Wagtail's own housekeeping (reference index, focal points) runs in-process
# as it always has; contact mail goes through the durable database queue ("mail") and is
# delivered by its worker:  python manage.py db_worker --backend mail
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Contact form (urbact_portal/contact): spam defences, delivery retries, retention.
# How long the proxy's page cache keeps a public page before revalidating it (s-maxage,
# urbact_portal/http_cache.py): also the longest an edit takes to show through the proxy.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 2)
# The template fragment caches of public pages ({% page_fragment %}, fragment_tags.py).
# FRAGMENT_CACHES=0 renders every fragment afresh on every request (what a page costs the
# first time after a publish); routing, listing counts and the other data caches stay on.
FRAGMENT_CACHES = env_bool("FRAGMENT_CACHES", True)

CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)  # accepted messages per IP and window
CONTACT_RATE_WINDOW = env_int("CONTACT_RATE_WINDOW", 60 * 60)  # seconds
CONTACT_MIN_FILL_SECONDS = env_int("CONTACT_MIN_FILL_SECONDS", 3)  # faster is a robot
CONTACT_MAX_FORM_AGE = env_int("CONTACT_MAX_FORM_AGE", 60 * 60 * 24)  # seconds a form stays valid
CONTACT_MESSAGE_MAX_LENGTH = env_int("CONTACT_MESSAGE_MAX_LENGTH", 5000)
CONTACT_MAX_ATTEMPTS = env_int("CONTACT_MAX_ATTEMPTS", 12)  # delivery attempts before "failed"
CONTACT_RETRY_BASE_SECONDS = env_int("CONTACT_RETRY_BASE_SECONDS", 60)  # doubles per attempt
CONTACT_RETRY_MAX_SECONDS = env_int("CONTACT_RETRY_MAX_SECONDS", 6 * 60 * 60)
# How long one delivery attempt may take (SMTP included) before another worker may take the
# message over: its worker is then taken for dead. Longer than a few EMAIL_TIMEOUTs.
CONTACT_CLAIM_SECONDS = env_int("CONTACT_CLAIM_SECONDS", 5 * 60)
CONTACT_RETENTION_MONTHS = env_int("CONTACT_RETENTION_MONTHS", 24)
# How many reverse proxies stand in front of the app, each APPENDING the address it was
# connected from to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for). The client is the
# entry that many places from the right. 0: no proxy, X-Forwarded-For is ignored. The
# production stack (deploy/, docker-compose.yml) has one: its nginx.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Mail
EMAIL_SUBJECT_PREFIX = "[URBACT Slovenija] "
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "URBACT Slovenija <noreply@urbact.si>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", a) for a in env_list("ADMIN_EMAILS")]

# Security defaults that hold everywhere
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Nothing frames the site; Wagtail's preview panel frames its own preview views, which set
# SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Public pages only (urbact_portal.middleware): our own scripts, no inline script, frames only
# from the video providers once a visitor clicks play. MEDIA_ORIGIN adds an image host when
# media live on object storage.
_MEDIA_ORIGIN = env_str("MEDIA_ORIGIN", "") or media_origin(STORAGES["default"])
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: {_MEDIA_ORIGIN}".strip(),
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
# The Wagtail admin: nothing from other hosts, no plugins, no <base>, framed only by itself
# (the preview panel), forms post only to itself. Scripts: Wagtail 8 and
# wagtail-modeltranslation still write inline scripts (date pickers, inline panels, the
# translation switcher's configuration; wagtail/wagtail#1288), so script-src needs
# 'unsafe-inline' there - no 'unsafe-eval' and no other host. Styles are inline throughout
# Wagtail's markup; blob: and data: images are upload previews and icons.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {_MEDIA_ORIGIN}".strip(),
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
CSRF_COOKIE_HTTPONLY = False

# Request ids: the proxy sends its own in X-Request-ID; without one (development) a new one is
# made. The response carries it back, so a visitor's error report can be found in the logs.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
    "UUID_FORMAT": "hex",
}

# Plain lines in development and tests; production switches to JSON lines (ops/logs.py).
LOGGING = logging_config(json=False, level=env_str("LOG_LEVEL", "INFO"))
