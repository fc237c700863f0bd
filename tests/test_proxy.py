"""The proxy's configuration (deploy/nginx/nginx.conf.template rendered by render.sh) tested
with Debian's nginx in front of a small echo server instead of the app: what the app is told
(client address appended to X-Forwarded-For, X-Forwarded-Proto, the request id), request
size limits in step with Django's, the page cache and its bypass rules, purging, and the TLS
mode with HTTP->HTTPS and Let's Encrypt's challenge path."""

import http.client
import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from tests.prodstack import ROOT, free_port, request

pytestmark = [
    pytest.mark.prod,
    pytest.mark.skipif(not shutil.which("nginx"), reason="needs nginx: make prod-deps"),
]
RENDER = ROOT / "deploy" / "nginx" / "render.sh"


class Echo(BaseHTTPRequestHandler):
    """Answers with the request it got, as JSON; counts requests per path."""

    hits: dict = {}

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        payload = json.dumps(
            {
                "path": self.path,
                "method": self.command,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body_length": len(body),
                "hit": self.hits[self.path],
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if "set_cookie" in self.path:
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        if "private" in self.path:
            self.send_header("Cache-Control", "private")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def echo():
    Echo.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    server.shutdown()


class Nginx:
    def __init__(self, tmp: Path, upstream_port: int, port: int | None = None, **variables):
        self.tmp = tmp
        self.port = port or free_port()
        self.purge_port = free_port()
        (tmp / "static").mkdir(parents=True, exist_ok=True)
        (tmp / "media").mkdir(parents=True, exist_ok=True)
        self.env = {
            "PATH": "/usr/sbin:/usr/bin:/bin",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "NGINX_RUN_DIR": str(tmp / "run"),
            "NGINX_LISTEN": f"127.0.0.1:{self.port}",
            "NGINX_PURGE_LISTEN": f"127.0.0.1:{self.purge_port}",
            "APP_UPSTREAM": f"127.0.0.1:{upstream_port}",
            "NGINX_ACCESS_LOG": str(tmp / "access.log"),
            "NGINX_ERROR_LOG": str(tmp / "error.log"),
            **variables,
        }
        import os

        if os.geteuid() == 0:
            self.env["NGINX_USER"] = "root"
        self.conf = tmp / "nginx.conf"
        subprocess.run(["sh", str(RENDER), str(self.conf)], env=self.env, check=True)
        self.process = subprocess.Popen(["nginx", "-c", str(self.conf), "-g", "daemon off;"])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError((self.tmp / "error.log").read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def get(self, path, **kwargs):
        return request(self.port, path, **kwargs)


@pytest.fixture(scope="module")
def proxy(echo, tmp_path_factory):
    nginx = Nginx(tmp_path_factory.mktemp("proxy"), echo, PAGE_CACHE="1")
    yield nginx
    nginx.stop()


def told(response):
    return json.loads(response.body)


def test_the_app_is_told_the_client_address_the_scheme_and_a_request_id(proxy):
    plain = told(proxy.get("/", headers={"X-Forwarded-Proto": "http"}))
    assert plain["headers"]["x-forwarded-for"] == "127.0.0.1"
    assert plain["headers"]["x-forwarded-proto"] == "https"  # the client cannot say "http"
    assert plain["headers"]["host"] == "127.0.0.1"
    # A client's own X-Forwarded-For is kept, and the address nginx saw is APPENDED: the app
    # trusts only the right-most entry (TRUSTED_PROXY_COUNT=1).
    forged = told(proxy.get("/?a=1", headers={"X-Forwarded-For": "6.6.6.6"}))
    assert forged["headers"]["x-forwarded-for"] == "6.6.6.6, 127.0.0.1"
    # The request id is nginx's own (32 hex digits), whatever the client sent.
    ids = [
        told(proxy.get(f"/?id={n}", headers={"X-Request-ID": "mine"}))["headers"]["x-request-id"]
        for n in range(2)
    ]
    assert ids[0] != ids[1] and all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_request_size_limits_follow_djangos(proxy):
    public = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    largest_upload = max(
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    )
    assert proxy.get("/kontakt/", method="POST", body=b"x" * (public - 1024)).status == 200
    too_big = proxy.get("/kontakt/", method="POST", body=b"x" * (public + 1024))
    assert too_big.status == 413
    assert "Zahteva je prevelika" in too_big.text  # a Slovene page, not nginx's own
    upload = proxy.get("/admin/documents/multiple/add/", method="POST", body=b"x" * largest_upload)
    assert upload.status == 200 and told(upload)["body_length"] == largest_upload
    huge = b"x" * (largest_upload + 6 * 1024 * 1024)
    assert proxy.get("/admin/documents/multiple/add/", method="POST", body=huge).status == 413


def test_anonymous_pages_are_cached_and_purged(proxy):
    first = proxy.get("/novice/")
    assert first.header("x-cache-status") == "MISS"
    second = proxy.get("/novice/")
    assert second.header("x-cache-status") == "HIT"
    assert told(second)["hit"] == 1  # the app saw one request
    # What Wagtail's frontend_cache sends (HTTPBackend): PURGE with the page's Host.
    purge = request(proxy.purge_port, "/novice/", method="PURGE", headers={"Host": "127.0.0.1"})
    assert purge.status == 200
    again = proxy.get("/novice/")
    assert again.header("x-cache-status") == "MISS" and told(again)["hit"] == 2


@pytest.mark.parametrize(
    ("path", "kwargs"),
    [
        ("/stran-z-sejo/", {"headers": {"Cookie": "sessionid=abc"}}),
        ("/stran-s-piskotkom/", {"headers": {"Cookie": "x=1; csrftoken=abc"}}),
        ("/stran-z-avtorizacijo/", {"headers": {"Authorization": "Basic dTpw"}}),
        ("/admin/pages/3/edit/preview/", {}),
        ("/documents/1/porocilo.pdf", {}),
        ("/kontakt/", {}),
        ("/en/contact/", {}),
        ("/nastavi-piskotek/?set_cookie=1", {}),
        ("/zasebno/?private=1", {}),
        ("/obrazec/", {"method": "POST", "body": b"a=1"}),
    ],
)
def test_never_cached(proxy, path, kwargs):
    hits = []
    for _ in range(2):
        response = proxy.get(path, **kwargs)
        assert response.status == 200
        assert response.header("x-cache-status") in (None, "BYPASS", "MISS")
        hits.append(told(response)["hit"])
    assert hits[1] == hits[0] + 1  # both requests reached the app


def test_purging_is_only_for_the_app(proxy, echo, tmp_path):
    proxy.get("/mesta/")
    assert proxy.get("/mesta/").header("x-cache-status") == "HIT"
    # PURGE on the public listener is just a request for the app (which knows no such method).
    assert proxy.get("/mesta/", method="PURGE").status == 501
    assert proxy.get("/mesta/").header("x-cache-status") == "HIT"
    # The purge listener answers only the addresses in PURGE_ALLOW (the app's).
    other = Nginx(tmp_path, echo, PAGE_CACHE="1", PURGE_ALLOW="10.9.9.9")
    try:
        assert request(other.purge_port, "/mesta/", method="PURGE").status == 403
    finally:
        other.stop()


def test_uploaded_files_never_run_as_pages(proxy):
    media = Path(proxy.env["MEDIA_ROOT"])
    (media / "images").mkdir(exist_ok=True)
    (media / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (media / "images" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (media / "documents").mkdir(exist_ok=True)
    (media / "documents" / "secret.pdf").write_bytes(b"%PDF-1.4")

    svg = proxy.get("/media/images/logo.svg")
    assert svg.status == 200
    assert svg.header("content-disposition") == "attachment"
    assert "sandbox" in svg.header("content-security-policy")
    assert svg.header("x-content-type-options") == "nosniff"
    png = proxy.get("/media/images/photo.png")
    assert png.status == 200 and png.header("content-disposition") is None
    assert "sandbox" in png.header("content-security-policy")
    # Documents only through the app's view (privacy checks), never by their file URL.
    assert proxy.get("/media/documents/secret.pdf").status == 404


def test_static_files_hashed_names_are_immutable(proxy):
    static = Path(proxy.env["STATIC_ROOT"]) / "css"
    static.mkdir(exist_ok=True)
    css = b"body { color: #123456; }\n" * 100
    (static / "site.0123456789ab.css").write_bytes(css)
    (static / "site.css").write_bytes(css)
    hashed = proxy.get("/static/css/site.0123456789ab.css", headers={"Accept-Encoding": "br"})
    assert hashed.header("cache-control") == "public, max-age=31536000, immutable"
    assert hashed.header("content-encoding") == "br"  # compressed on the fly as well
    plain = proxy.get("/static/css/site.css", headers={"Accept-Encoding": "gzip"})
    assert plain.header("cache-control") == "public, max-age=3600"
    assert plain.header("content-encoding") == "gzip"


def test_upstream_down_gives_a_slovene_page(tmp_path):
    nginx = Nginx(tmp_path, free_port())  # nothing listens there
    try:
        response = nginx.get("/")
        assert response.status == 502
        assert "Stran trenutno ni dosegljiva" in response.text
    finally:
        nginx.stop()


def test_tls_mode_as_docker_compose_runs_it(echo, tmp_path):
    """Compose renders the same template with a certificate (Let's Encrypt's; self-signed
    here) and the plain-HTTP server on its own port."""
    if not shutil.which("openssl"):
        pytest.skip("needs openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=urbact.test",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    https_port, http_port = free_port(), free_port()
    nginx = Nginx(
        tmp_path,
        echo,
        https_port,
        SITE_HOST="urbact.test",
        NGINX_LISTEN=f"127.0.0.1:{https_port} ssl http2",
        NGINX_HTTP_LISTEN=f"127.0.0.1:{http_port}",
        TLS_CERT=str(cert),
        TLS_KEY=str(key),
        ACME_ROOT=str(tmp_path / "acme"),
    )
    try:
        context = ssl.create_default_context(cafile=str(cert))
        context.check_hostname = False
        connection = http.client.HTTPSConnection(
            "127.0.0.1", https_port, context=context, timeout=10
        )
        connection.request("GET", "/novice/", headers={"Host": "urbact.test"})
        response = connection.getresponse()
        assert response.status == 200
        assert json.loads(response.read())["headers"]["x-forwarded-proto"] == "https"
        connection.close()

        redirect = request(http_port, "/novice/?stran=2", headers={"Host": "urbact.test"})
        assert redirect.status == 301
        assert redirect.header("location") == "https://urbact.test/novice/?stran=2"

        challenge = tmp_path / "acme" / ".well-known" / "acme-challenge" / "token123"
        challenge.write_text("token123.keyauth")
        served = request(
            http_port, "/.well-known/acme-challenge/token123", headers={"Host": "urbact.test"}
        )
        assert served.status == 200 and served.text == "token123.keyauth"
        assert request(http_port, "/healthz").status == 200  # probes need no certificate
    finally:
        nginx.stop()
