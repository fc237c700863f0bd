"""Serve a few pages once in gunicorn's master process, before it forks the workers
(deploy/gunicorn.conf.py, `when_ready`, with preload_app).

What a Django process loads on its first requests rather than at import - compiled
templates, URL patterns, translation catalogues, modules imported on first use, the page
models' metadata - is then loaded once, in the master, and shared by every worker
(copy-on-write) instead of held by each: a worker's proportional set size (PSS) stays small.
The pages are answered through the same WSGI application the workers use; nothing is sent
anywhere. A failure is logged and never stops the server from starting."""

import io
import logging
import sys

logger = logging.getLogger(__name__)

MAX_PAGES = 20


def _host() -> str | None:
    from django.conf import settings
    from django.http.request import validate_host

    for candidate in [*settings.ALLOWED_HOSTS, "localhost"]:
        host = candidate.lstrip(".").lstrip("*") or "localhost"
        if validate_host(host, settings.ALLOWED_HOSTS):
            return host
    return None


def _paths() -> list[str]:
    """The home pages and one live page of each page type, in both languages."""
    from django.db.models import Max
    from django.utils import translation
    from wagtail.models import Page

    paths = ["/", "/en/"]
    newest = (
        Page.objects.live()
        .filter(depth__gt=2)
        .order_by()
        .values("content_type")
        .annotate(newest=Max("id"))
        .values_list("newest", flat=True)
    )
    for page in Page.objects.filter(id__in=list(newest)).specific()[:MAX_PAGES]:
        for language in ("sl", "en"):
            with translation.override(language):
                url = page.get_url()
            if url and url.startswith("/") and url not in paths:
                paths.append(url)
    return paths


def _get(application, host: str, path: str) -> int:
    status = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    response = application(environ, lambda code, headers, exc_info=None: status.append(code))
    try:
        for _chunk in response:
            pass
    finally:
        close = getattr(response, "close", None)
        if close:
            close()
    return int(status[0].split()[0]) if status else 0


def warm_up() -> list[tuple[str, int]]:
    """[(path, status)] of the pages served; empty when nothing could be served."""
    try:
        from urbact_portal.wsgi import application

        host = _host()
        if host is None:
            return []
        answered = [(path, _get(application, host, path)) for path in _paths()]
        logger.info("Warmed up before forking the workers: %s", answered)
        return answered
    except Exception:
        logger.warning("Warm-up before forking the workers failed", exc_info=True)
        return []
