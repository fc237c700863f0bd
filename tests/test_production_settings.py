"""Production refuses to start with an unsafe configuration, and with the documented one
(.env.example plus a real key) Django's deployment check finds nothing."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = secrets.token_urlsafe(50)


def documented_environment() -> dict:
    """The variables .env.example documents, as `docker compose` would pass them."""
    env = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            env[name] = value
    return env


def run_production(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for themselves; a deployment never has it.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(documented_environment())
    env["DJANGO_SETTINGS_MODULE"] = "urbact_portal.settings.production"
    for name, value in env_overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    command = args or ("-c", "import django; django.setup()")
    return subprocess.run(
        [sys.executable, *command], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is not set: set it to a random string"),
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({}, "SECRET_KEY is the placeholder from the documentation"),  # .env.example's own
        ({"SECRET_KEY": "x7" * 20}, "SECRET_KEY is too short (40 characters)"),
        ({"SECRET_KEY": GOOD_KEY, "DEBUG": "1"}, "DEBUG is on in production"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": None}, "ALLOWED_HOSTS is not set"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS is not set"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must name the site"),
    ],
)
def test_production_refuses_to_start(overrides, message):
    result = run_production(overrides)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: ")
    assert message in last_line


def test_documented_environment_passes_the_deployment_check():
    result = run_production({"SECRET_KEY": GOOD_KEY}, "manage.py", "check", "--deploy")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    # HSTS preload (security.W021) is the NUP's decision, silenced with a reason in the
    # settings; nothing else may be reported.
    assert "System check identified no issues (1 silenced)." in output
    assert "WARNING" not in output


def test_hsts_preload_can_be_switched_on():
    result = run_production(
        {"SECRET_KEY": GOOD_KEY, "SECURE_HSTS_PRELOAD": "1"}, "manage.py", "check", "--deploy"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout + result.stderr
