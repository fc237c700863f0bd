"""Operations inside the app: /healthz, request ids and JSON log lines, no mail storm on bad
Host headers, and error reports to a (local) Sentry endpoint."""

import gzip
import io
import json
import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.db import connections
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from urbact_portal.ops.logs import JsonFormatter, RequestIdFilter


class Boom(Exception):
    pass


def boom(request):
    logging.getLogger("urbact_portal.tests").info("about to fail")
    raise Boom("a test failure")


def hello(request):
    logging.getLogger("urbact_portal.tests").info("hello from a view")
    return HttpResponse("hello")


urlpatterns = [path("boom/", boom), path("hello/", hello)]
this_urlconf = override_settings(ROOT_URLCONF=__name__)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# /healthz ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_healthz_answers_ok_without_details(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")  # any Host, plain HTTP
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["urbact.si"])
def test_healthz_is_not_redirected_nor_host_checked(client):
    assert client.get("/healthz", HTTP_HOST="web:8000").status_code == 200
    assert client.get("/", HTTP_HOST="urbact.si").status_code == 301  # the rest is


@pytest.mark.django_db
def test_healthz_is_503_when_redis_does_not_answer(client, caplog):
    redis_down = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=redis_down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"  # no details for outsiders...
    assert "Redis does not answer" in caplog.text  # ...but the log says what failed


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_does_not_answer(client, caplog):
    connection = connections["default"]
    if connection.vendor != "postgresql":
        pytest.skip("the test database is SQLite in memory, which cannot go away")
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "database does not answer" in caplog.text
    assert client.get("/healthz").status_code == 200  # and recovers with the database


# Request ids and JSON lines ------------------------------------------------------------------


@pytest.fixture
def json_log():
    """JSON lines from the root logger, formatted as production formats them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


@pytest.mark.django_db
@this_urlconf
def test_log_lines_carry_the_proxys_request_id(client, json_log):
    request_id = "3f2b8c1d9e4a4b6c8d0e1f2a3b4c5d6e"  # nginx's $request_id: 32 hex digits
    response = client.get("/hello/", HTTP_X_REQUEST_ID=request_id)
    assert response["X-Request-ID"] == request_id
    line = next(r for r in json_log() if r["message"] == "hello from a view")
    assert line["request_id"] == request_id
    assert line["level"] == "INFO"
    assert line["logger"] == "urbact_portal.tests"
    assert line["time"].endswith("+00:00")  # ISO 8601, UTC


@pytest.mark.django_db
@this_urlconf
def test_a_request_without_or_with_a_forged_id_gets_a_new_one(client, json_log):
    first = client.get("/hello/")["X-Request-ID"]
    forged = client.get("/hello/", HTTP_X_REQUEST_ID='"}\n{"level":"CRITICAL')["X-Request-ID"]
    assert len(first) == 32 and len(forged) == 32 and first != forged
    assert all(c in "0123456789abcdef" for c in first + forged)
    ids = [r["request_id"] for r in json_log() if r["message"] == "hello from a view"]
    assert ids == [first, forged]


@pytest.mark.django_db
def test_django_request_records_become_method_and_path(client, json_log):
    client.get("/ne-obstaja-tudi-ne/?q=1")
    line = next(r for r in json_log() if r["logger"] == "django.request")
    assert line["level"] == "WARNING"
    assert line["method"] == "GET" and line["path"] == "/ne-obstaja-tudi-ne/?q=1"


# Mail to the admins ----------------------------------------------------------------------------


@pytest.mark.django_db
@this_urlconf
@override_settings(ADMINS=[("Admin", "admin@example.si")], ALLOWED_HOSTS=["urbact.si"])
def test_bad_host_is_logged_not_mailed_while_server_errors_still_are(caplog):
    client = Client(raise_request_exception=False)
    for _ in range(5):
        assert client.get("/hello/", HTTP_HOST="scanner.example").status_code == 400
    assert mail.outbox == []
    bad_hosts = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(bad_hosts) == 5
    assert "Invalid HTTP_HOST header: 'scanner.example'" in bad_hosts[0].getMessage()

    assert client.get("/boom/", HTTP_HOST="urbact.si").status_code == 500
    assert len(mail.outbox) == 1 and "Boom" in mail.outbox[0].body


# Sentry ----------------------------------------------------------------------------------------


class SentryStub(BaseHTTPRequestHandler):
    """Sentry's ingestion endpoint on loopback: stores every envelope it receives."""

    envelopes: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.envelopes.append(body.decode("utf-8", "replace"))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    import sentry_sdk

    SentryStub.envelopes = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryStub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://publickey@127.0.0.1:{server.server_port}/1", SentryStub.envelopes
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # no DSN: reporting off for the tests that follow
        server.shutdown()


@pytest.mark.django_db
@this_urlconf
@override_settings(ALLOWED_HOSTS=["urbact.si"])
def test_unhandled_errors_go_to_sentry_but_bad_hosts_do_not(sentry_server):
    import sentry_sdk

    from urbact_portal.ops.sentry import init_sentry

    dsn, envelopes = sentry_server
    assert init_sentry(dsn)
    client = Client(raise_request_exception=False)
    assert client.get("/hello/", HTTP_HOST="scanner.example").status_code == 400
    assert client.get("/boom/", HTTP_HOST="urbact.si").status_code == 500
    sentry_sdk.flush(timeout=10)

    events = "\n".join(envelopes)
    assert "a test failure" in events and "Boom" in events
    assert "scanner.example" not in events


def test_sentry_is_off_without_a_dsn():
    from urbact_portal.ops.sentry import init_sentry

    assert init_sentry("") is False


# The nightly backup ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_runs_a_nightly_backup(tmp_path, settings):
    from urbact_portal import scheduler

    job = scheduler.jobs.get("nightly-backup")
    assert str(job.schedule) == str(scheduler.daily(at="01:30"))
    settings.BACKUP_DIR = tmp_path
    job.func()  # what the scheduler calls at 01:30
    (archive,) = tmp_path.glob("urbact-backup-*.tar")
    import tarfile

    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert any(name.startswith("database.") for name in names)
