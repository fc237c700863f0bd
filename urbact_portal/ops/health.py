"""`/healthz`: 200 when PostgreSQL (the database) and Redis (the cache, when configured)
answer, 503 otherwise. Used by the compose health checks and the proxy's smoke test.

It runs as the first middleware so that it answers before the host check, the HTTPS redirect
and the session machinery: a health probe sends whatever Host header it likes (a container's
address) over plain HTTP. The body never says what failed; the log does."""

import logging

from django.conf import settings
from django.db import connections
from django.http import HttpResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database does not answer", exc_info=True)
        # A broken persistent connection must not stay broken for the next request.
        connections["default"].close_if_unusable_or_obsolete()
        return False


def cache_ok() -> bool:
    """Redis, when it is the cache. A process-local cache cannot fail."""
    backend = settings.CACHES["default"]["BACKEND"]
    if not backend.startswith("django_redis."):
        return True
    try:
        from django_redis import get_redis_connection

        return bool(get_redis_connection("default").ping())
    except Exception:
        logger.warning("Health check: Redis does not answer", exc_info=True)
        return False


def health_response() -> HttpResponse:
    healthy = database_ok() & cache_ok()  # both checks run, so the log names every failure
    response = HttpResponse(
        "ok\n" if healthy else "unavailable\n",
        status=200 if healthy else 503,
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
