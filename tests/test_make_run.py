"""`make run` prints the address it actually serves (issue 11, part 7): HOST and PORT from the
environment or the command line reach runserver and the printed lines alike."""

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.contact_support import free_port
from urbact_portal.management.commands.load_demo_content import admin_url

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000/admin/"),
        ("127.0.0.1:9555", "http://127.0.0.1:9555/admin/"),
        ("localhost:8010", "http://localhost:8010/admin/"),
        ("0.0.0.0:8080", "http://127.0.0.1:8080/admin/"),
        ("::1:8080", "http://[::1]:8080/admin/"),
        ("[::]:8080", "http://[::1]:8080/admin/"),
    ],
)
def test_admin_address_follows_host_and_port(address, url):
    assert admin_url(address) == url


def test_make_run_passes_host_and_port_to_every_step():
    """What `make run` would run (make -n): the demo loader's admin line and runserver get
    the same address, and the first line printed names it."""
    env = {**os.environ, "PORT": "9555", "HOST": "0.0.0.0"}
    plan = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert 'load_demo_content --address "0.0.0.0:9555"' in plan
    assert "runserver 0.0.0.0:9555" in plan
    assert "8000" not in plan
    assert 'echo "URBACT Slovenija: http://127.0.0.1:9555/' in plan


def test_make_serve_prints_the_address_it_answers_on(tmp_path):
    """The real thing: `make serve` with PORT set prints an address, and that address
    answers (the health check), on a database of its own."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE", "WAGTAILADMIN_BASE_URL")
    }
    env.update(
        PORT=str(port), DATABASE_URL=f"sqlite:///{tmp_path / 'serve.sqlite3'}", PYTHONUNBUFFERED="1"
    )
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["make", "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        printed = None
        status = None
        while time.monotonic() < deadline and status is None:
            time.sleep(0.5)
            match = re.search(r"URBACT Slovenija: (http://\S+/) ", log.read_text())
            printed = match.group(1) if match else None
            if printed:
                try:
                    with urllib.request.urlopen(printed + "healthz", timeout=5) as response:
                        status = response.status
                except OSError:
                    continue
        assert printed == f"http://127.0.0.1:{port}/", log.read_text()
        assert status == 200, log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
