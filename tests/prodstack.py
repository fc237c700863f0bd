"""The production stack of `make prod` (deploy/run_prod.py) started by tests: nginx from the
repository's template, gunicorn with the production settings, the mail worker and the
scheduler, on free ports, against a PostgreSQL database of the test's own and the shared Redis
under a key prefix of the test's own (never flushed)."""

import http.client
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("run_prod", ROOT / "deploy" / "run_prod.py")
run_prod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_prod)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_server() -> str:
    """postgres://user@host:port of DATABASE_URL; the stack runs on PostgreSQL only."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("the production stack runs on PostgreSQL: set DATABASE_URL=postgres://...")
    return url.rsplit("/", 1)[0]


def base_database_name() -> str:
    """DATABASE_URL's database name, with the xdist worker's id when the suite runs on several
    workers (each worker's stacks and scratch databases are its own)."""
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[1].split("?", 1)[0]
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return f"{name}_{worker}" if worker else name


def recreate_database(name: str) -> str:
    import psycopg

    server = postgres_server()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{postgres_server()}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url() -> str:
    url = os.environ.get("PROD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=2).close()
    except OSError:
        pytest.skip(f"no Redis at {url}")
    return url


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def cookies(self) -> dict:
        jar = {}
        for value in self.headers.get("set-cookie", []):
            name, _, rest = value.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
        return jar


def request(port, path, *, method="GET", headers=None, body=None, host="127.0.0.1") -> Response:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        raw = connection.getresponse()
        collected = {}
        for name, value in raw.getheaders():
            key = name.lower()
            if key == "set-cookie":
                collected.setdefault(key, []).append(value)
            else:
                collected[key] = value
        return Response(raw.status, collected, raw.read())
    finally:
        connection.close()


class ProdStack:
    """deploy/run_prod.py as `make prod` runs it, with ports and state of its own."""

    def __init__(
        self,
        state: Path,
        database_url: str,
        *,
        static_root: Path,
        media_root: Path,
        web_instances: int = 1,
        skip_setup: bool = False,
        cache_prefix: str | None = None,
    ):
        self.state = state
        self.port = free_port()
        self.purge_port = free_port()
        self.web_ports = [free_port() for _ in range(web_instances)]
        self.web_instances = web_instances
        self.skip_setup = skip_setup
        self.log_path = state / "stack.log"
        self.environ = {
            **os.environ,
            "PORT": str(self.port),
            "PURGE_PORT": str(self.purge_port),
            "WEB_PORTS": ",".join(map(str, self.web_ports)),
            "PROD_STATE_DIR": str(state),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url(),
            "CACHE_KEY_PREFIX": cache_prefix or f"urbact-test-{uuid.uuid4().hex[:12]}",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
            # The stack's tests sign in a superuser with a password alone (2FA has its own tests).
            "REQUIRE_2FA_FOR_SUPERUSERS": "0",
        }
        for name in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for themselves
        ):
            self.environ.pop(name, None)
        self.process = None

    @property
    def env(self) -> dict:
        """The environment the stack's own processes get (for manage.py commands)."""
        return run_prod.environment(self.state, self.port) | {
            k: self.environ[k]
            for k in ("DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX", "MEDIA_ROOT", "STATIC_ROOT")
        }

    def start(self, timeout: float = 900):  # setup (migrate) on a busy machine
        self.state.mkdir(parents=True, exist_ok=True)
        args = [sys.executable, str(ROOT / "deploy" / "run_prod.py")]
        args += ["--web-instances", str(self.web_instances)]
        if self.skip_setup:
            args.append("--skip-setup")
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            args, cwd=ROOT, env=self.environ, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"make prod exited:\n{self.log_tail()}")
            try:
                if request(self.port, "/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise AssertionError(f"make prod did not become healthy:\n{self.log_tail()}")

    def stop(self) -> int:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=150)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()
        return self.process.returncode if self.process else 0

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def forget_cache(self) -> None:
        """Delete this stack's keys (its own prefix) from the shared Redis; nothing else."""
        import redis

        client = redis.Redis.from_url(self.environ["REDIS_URL"])
        for key in client.scan_iter(match=f"{self.environ['CACHE_KEY_PREFIX']}:*", count=500):
            client.delete(key)

    def get(self, path, **kwargs) -> Response:
        return request(self.port, path, **kwargs)

    def manage(self, *args: str, check=True, env=None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def access_log(self) -> list[dict]:
        path = self.state / "log" / "access.log"
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def collected_static(tmp_path_factory) -> Path:
    """One collectstatic for every stack of a test session (it is the slow part of setup)."""
    return tmp_path_factory.getbasetemp() / "prod-static"
