"""Real processes for the tests that need more than one: a redis-server of the test's own
(stopped and started by the test; the shared Redis is never touched), the site served by
gunicorn and the mail worker (`manage.py db_worker`), all against the test's PostgreSQL
database."""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


def current_database_url() -> str:
    """The URL of the database this test runs on (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        pytest.skip("several processes share the database: PostgreSQL only")
    db = connection.settings_dict
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


class RedisServer:
    """A redis-server of the test's own on a free port, without persistence."""

    def __init__(self, directory: Path):
        if not shutil.which("redis-server"):
            pytest.skip("needs redis-server")
        self.directory = directory
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None

    def cache_settings(self, prefix: str) -> dict:
        return {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": self.url,
                "KEY_PREFIX": prefix,
                "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
            }
        }


def site_environ(database_url: str, **extra) -> dict:
    """The environment of a site process: development settings without DEBUG, the test's
    database and secret key (so tokens the test signs are valid), nothing from the
    caller's mail or cache configuration unless given."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EMAIL_", "REDIS_", "CACHE_", "CONTACT_", "DJANGO_"))
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="urbact_portal.settings.dev",
        DEBUG="0",
        SECRET_KEY=settings.SECRET_KEY,
        DATABASE_URL=database_url,
        CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex[:8]}",
        PYTHONUNBUFFERED="1",
    )
    environ.update({key: str(value) for key, value in extra.items()})
    return environ


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Process:
    def __init__(self, args, environ, log: Path):
        self.args = args
        self.environ = environ
        self.log_path = log
        self.process = None

    def start(self) -> None:
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            self.args, cwd=ROOT, env=self.environ, stdout=self._log, stderr=subprocess.STDOUT
        )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.alive():
            self.process.send_signal(sig)
            self.process.wait(15)

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if getattr(self, "_log", None):
            self._log.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class SiteServer(Process):
    """The site under gunicorn (one worker, threads) on a free port."""

    def __init__(self, environ, log: Path):
        self.port = free_port()
        super().__init__(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "urbact_portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "60",
            ],
            environ,
            log,
        )
        self.cookies = SimpleCookie()

    def start(self) -> None:
        super().start()
        wait_for_port(self.port, timeout=60, process=self.process)

    def request(self, path, method="GET", data=None, headers=None) -> Response:
        body = urlencode(data).encode() if data is not None else None
        headers = dict(headers or {})
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
        finally:
            conn.close()
        for value in raw.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        return response

    def get(self, path, **kwargs) -> Response:
        return self.request(path, **kwargs)


class MailWorker(Process):
    """The real mail worker: `manage.py db_worker --backend mail`."""

    def __init__(self, environ, log: Path, interval: float = 0.2):
        super().__init__(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend",
                "mail",
                "--queue-name",
                "*",
                "--interval",
                str(interval),
                "--no-startup-delay",
                "--no-reload",
            ],
            environ,
            log,
        )


def wait_until(predicate, timeout: float, interval: float = 0.1, message: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(message or f"not true within {timeout} s")
