#!/usr/bin/env python3
"""`make prod`: the production stack on this machine, without Docker.

Runs the processes docker compose runs - nginx from deploy/nginx/nginx.conf.template, gunicorn
with the production settings, the mail worker and the scheduler (deploy/Procfile) - against
DATABASE_URL (PostgreSQL) and REDIS_URL, in the foreground. Ctrl-C or SIGTERM stops every
process gracefully (a mail being sent is finished first); if one process dies, the others are
stopped too. `make prod-stop` stops a running stack from another terminal.

No TLS here: nginx serves http://127.0.0.1:8080 and tells the app the request was HTTPS
(X-Forwarded-Proto: https), so the production settings behave as on the real site - secure
cookies (browsers accept them from 127.0.0.1/localhost), HSTS (ignored by browsers on plain
HTTP), no redirect loop. Runtime state lives under var/prod/ (git-ignored): rendered config,
pid files, nginx's temp and cache dirs, the access log, media, the generated SECRET_KEY.

Options: --skip-setup (no collectstatic/migrate), --web-instances N (scale-out: N gunicorns
behind the proxy), --manage COMMAND... (a manage.py command in the stack's environment, e.g.
createsuperuser or backup: `make prod-manage CMD=createsuperuser`).

Environment: PORT (8080), PURGE_PORT (8081), WEB_PORT (first gunicorn port,
8001; or WEB_PORTS=p1,p2), PROD_STATE_DIR (var/prod), DEMO=1 (load the demo content), and
every setting of the production settings (DATABASE_URL, REDIS_URL, EMAIL_URL, ...)."""

import argparse
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
STOP_TIMEOUT = 120  # seconds: longer than gunicorn's graceful timeout and any mail send


def log(message: str) -> None:
    print(f"[make prod] {message}", file=sys.stderr, flush=True)


def read_procfile() -> dict[str, str]:
    commands = {}
    for line in (DEPLOY / "Procfile").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, command = line.split(":", 1)
            commands[name.strip()] = command.strip()
    return commands


def environment(state: Path, port: int) -> dict[str, str]:
    """The production environment, with make prod's defaults for what is not set."""
    env = dict(os.environ)
    venv_bin = Path(sys.executable).parent
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '')}"
    env["DJANGO_SETTINGS_MODULE"] = "urbact_portal.settings.production"
    if not env.get("SECRET_KEY"):
        key_file = state / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        env["SECRET_KEY"] = key_file.read_text().strip()
    origin = f"http://127.0.0.1:{port}"
    defaults = {
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/urbact",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": "urbact-prod",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"{origin},http://localhost:{port}",
        "WAGTAILADMIN_BASE_URL": origin,
        "MEDIA_ROOT": str(state / "media"),
        "STATIC_ROOT": str(ROOT / "staticfiles"),
        # Contact mail: printed by the worker unless a real server is configured.
        "EMAIL_URL": "" if env.get("EMAIL_HOST") else "console://",
        # One proxy (nginx) in front of gunicorn; it hands documents over (X-Accel-Redirect).
        "TRUSTED_PROXY_COUNT": "1",
        "MEDIA_X_ACCEL_REDIRECT": "1",
        "BACKUP_DIR": str(state / "backups"),
    }
    for name, value in defaults.items():
        if not env.get(name) and value:
            env[name] = value
    if not env["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
        sys.exit("make prod runs on PostgreSQL: set DATABASE_URL=postgres://...")
    return env


def ensure_database(env: dict) -> None:
    """Create the database DATABASE_URL names if the server does not have it yet."""
    url = env["DATABASE_URL"]
    server, name = url.rsplit("/", 1)
    name = name.split("?", 1)[0]
    if not shutil.which("psql"):
        return
    exists = subprocess.run(
        ["psql", f"{server}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
        capture_output=True,
        text=True,
    )
    if exists.returncode == 0 and exists.stdout.strip() != "1":
        log(f"creating the database {name}")
        subprocess.run(
            ["psql", f"{server}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True
        )


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def render_nginx(env: dict, state: Path, port: int, purge_port: int, web_ports: list[int]) -> Path:
    conf = state / "nginx" / "nginx.conf"
    nginx_env = dict(env)
    nginx_env.update(
        NGINX_RUN_DIR=str(state / "nginx"),
        NGINX_LISTEN=f"127.0.0.1:{port}",
        NGINX_PURGE_LISTEN=f"127.0.0.1:{purge_port}",
        APP_UPSTREAM=" ".join(f"127.0.0.1:{p}" for p in web_ports),
        NGINX_ACCESS_LOG=env.get("NGINX_ACCESS_LOG") or str(state / "log" / "access.log"),
    )
    if os.geteuid() == 0:
        nginx_env.setdefault("NGINX_USER", "root")  # the files are root's; nothing is exposed
    (state / "log").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["sh", str(DEPLOY / "nginx" / "render.sh"), str(conf)], env=nginx_env, check=True
    )
    test = subprocess.run(["nginx", "-t", "-q", "-c", str(conf)], capture_output=True, text=True)
    if test.returncode != 0:
        sys.exit(f"nginx rejected {conf}:\n{test.stderr}")
    return conf


class Stack:
    def __init__(self, state: Path):
        self.state = state
        self.processes: dict[str, subprocess.Popen] = {}
        self.stopping = False

    def start(self, name: str, command: list[str], env: dict) -> None:
        log(f"starting {name}: {shlex.join(command)}")
        process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        self.processes[name] = process
        (self.state / "run" / f"{name}.pid").write_text(str(process.pid))

    def stop(self, *_args) -> None:
        if self.stopping:
            return
        self.stopping = True
        log("stopping (each process finishes what it is doing)...")
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)

    def wait(self) -> int:
        status = 0
        while not self.stopping:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    log(f"{name} exited with status {process.returncode}; stopping the others")
                    status = 1
                    self.stop()
                    break
            time.sleep(0.2)
        deadline = time.monotonic() + STOP_TIMEOUT
        for name, process in self.processes.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log(f"{name} did not stop in time: killing it")
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            (self.state / "run" / f"{name}.pid").unlink(missing_ok=True)
        (self.state / "run" / "stack.pid").unlink(missing_ok=True)
        log("stopped")
        return status


def wait_until_healthy(url: str, stack: Stack, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stack.stopping:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        if any(p.poll() is not None for p in stack.processes.values()):
            return False
        time.sleep(0.3)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-setup", action="store_true", help="no collectstatic/migrate")
    parser.add_argument("--web-instances", type=int, default=1, help="gunicorn instances")
    parser.add_argument(
        "--manage",
        nargs=argparse.REMAINDER,
        help="run a manage.py command in the stack's environment instead (createsuperuser, backup)",
    )
    options = parser.parse_args()

    state = Path(os.environ.get("PROD_STATE_DIR") or ROOT / "var" / "prod").resolve()
    (state / "run").mkdir(parents=True, exist_ok=True)
    port = int(os.environ.get("PORT") or 8080)
    purge_port = int(os.environ.get("PURGE_PORT") or 8081)
    if os.environ.get("WEB_PORTS"):  # explicit ports, e.g. chosen free by a test
        web_ports = [int(p) for p in os.environ["WEB_PORTS"].split(",")][: options.web_instances]
    else:
        first_web_port = int(os.environ.get("WEB_PORT") or 8001)
        web_ports = [first_web_port + i for i in range(options.web_instances)]
    env = environment(state, port)
    Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
    if options.manage:
        return subprocess.run(
            [sys.executable, "manage.py", *options.manage], cwd=ROOT, env=env
        ).returncode
    if not shutil.which("nginx"):
        sys.exit("nginx is not installed: run `make prod-deps` (apt-get install nginx ...)")
    if not options.skip_setup:
        ensure_database(env)
        manage(env, "compile_translations", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        manage(env, "migrate", "--noinput")
        if env.get("DEMO") == "1":
            manage(env, "load_demo_content")
    conf = render_nginx(env, state, port, purge_port, web_ports)

    stack = Stack(state)
    (state / "run" / "stack.pid").write_text(str(os.getpid()))
    signal.signal(signal.SIGINT, stack.stop)
    signal.signal(signal.SIGTERM, stack.stop)

    commands = read_procfile()
    for index, web_port in enumerate(web_ports, start=1):
        name = "web" if len(web_ports) == 1 else f"web.{index}"
        stack.start(
            name, shlex.split(commands["web"]), {**env, "GUNICORN_BIND": f"127.0.0.1:{web_port}"}
        )
    # The proxy starts once gunicorn answers: no visitor (or probe) meets a 502 at startup.
    for web_port in web_ports:
        if not wait_until_healthy(f"http://127.0.0.1:{web_port}/healthz", stack):
            log(f"gunicorn on port {web_port} did not become healthy")
            stack.stop()
            return stack.wait() or 1
    stack.start("worker", shlex.split(commands["worker"]), env)
    stack.start("scheduler", shlex.split(commands["scheduler"]), env)
    stack.start("proxy", ["nginx", "-c", str(conf), "-g", "daemon off;"], env)

    site = f"http://127.0.0.1:{port}"
    if wait_until_healthy(f"{site}/healthz", stack):
        log(f"serving {site}/ (admin: {site}/admin/) - Ctrl-C stops")
    return stack.wait()


if __name__ == "__main__":
    sys.exit(main())
