"""Logging: one JSON object per line on stderr in production (for `docker compose logs`,
journald or any log shipper), readable lines in development. Every record made while a request
is handled carries its request id (django-guid): the proxy passes its own `$request_id` in
`X-Request-ID`, so a line of the proxy's access log and the app's lines for the same request
share one id, and the response returns it to the client.

`DisallowedHost` (a bad Host header: scanners, misconfigured DNS) is logged as a warning and
never mailed to the admins: a scan would otherwise send hundreds of mails."""

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

JSON_FIELDS = "%(levelname)s %(name)s %(message)s %(request_id)s"
PLAIN_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


class JsonFormatter(_JsonFormatter):
    """python-json-logger with short field names; Django's `request` extra (an HttpRequest,
    not serialisable) becomes its method and path."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")  # ISO 8601 in UTC, whatever TIME_ZONE says
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        request = log_record.pop("request", None)
        if request is not None and hasattr(request, "method"):
            log_record.setdefault("method", request.method)
            log_record.setdefault("path", request.get_full_path())
        log_record.pop("server_time", None)


class RequestIdFilter:
    """Sets `record.request_id` (django-guid's correlation id, "-" outside a request)."""

    def filter(self, record):
        from django_guid import get_guid

        record.request_id = get_guid() or "-"
        return True


def logging_config(*, json: bool, level: str = "INFO") -> dict:
    """The LOGGING setting. `json` chooses JSON lines (production) or plain lines."""
    formatter = (
        {"()": "urbact_portal.ops.logs.JsonFormatter", "fmt": JSON_FIELDS}
        if json
        else {"format": PLAIN_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "urbact_portal.ops.logs.RequestIdFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {"main": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",  # stderr
                "formatter": "main",
                "filters": ["request_id"],
            },
            "mail_admins": {
                "level": "ERROR",
                "filters": ["require_debug_false"],
                "class": "django.utils.log.AdminEmailHandler",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own default sends "django" to a DEBUG-only console and to the admins'
            # mail; here it goes to the one console handler (via the root) and only server
            # errors are mailed.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"handlers": ["mail_admins"], "level": "WARNING", "propagate": True},
            "django.security": {"handlers": ["mail_admins"], "level": "WARNING", "propagate": True},
            "django.security.DisallowedHost": {
                "handlers": ["console"],
                "level": "WARNING",
                "propagate": False,
            },
            "django.db.backends": {"level": "WARNING"},
            "django_guid": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "wagtail": {"level": "WARNING"},
            # The scheduler logs each run itself (urbact_portal.scheduler).
            "apscheduler": {"level": "WARNING"},
            "django.server": {"level": "INFO"},
        },
    }
