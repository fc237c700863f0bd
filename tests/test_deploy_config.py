"""docker-compose.yml describes the same processes with the same config files as `make prod`
(deploy/run_prod.py): there is no Docker engine here, so the two are kept in step by reading
them. The proxy's rendered configuration is what nginx accepts (tests/test_proxy.py runs it)."""

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from tests import factories
from tests.prodstack import ROOT, run_prod

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def duration_seconds(value: str) -> int:
    units = {"s": 1, "m": 60, "h": 3600}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([smh])", value))


@pytest.mark.parametrize("name", ["web", "worker", "scheduler"])
def test_app_services_run_the_procfile_commands(name):
    procfile = run_prod.read_procfile()
    assert shlex.split(SERVICES[name]["command"]) == shlex.split(procfile[name])


def test_the_image_default_command_is_the_web_process():
    cmd = re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.MULTILINE).group(1)
    assert yaml.safe_load(cmd) == shlex.split(run_prod.read_procfile()["web"])


def test_config_files_named_by_the_stack_exist():
    web = run_prod.read_procfile()["web"]
    config = shlex.split(web)[shlex.split(web).index("--config") + 1]
    assert (ROOT / config).is_file()
    for path in (
        "deploy/nginx/nginx.conf.template",
        "deploy/nginx/render.sh",
        "deploy/nginx/entrypoint.sh",
        "deploy/nginx/errors/502.html",
    ):
        assert (ROOT / path).is_file(), path
    # The proxy image carries deploy/nginx and renders the template with render.sh, the way
    # run_prod.py does.
    assert "COPY deploy/nginx /opt/urbact/deploy/nginx" in DOCKERFILE
    entrypoint = (ROOT / "deploy/nginx/entrypoint.sh").read_text()
    assert 'sh "$here/render.sh" "$conf"' in entrypoint
    assert '"render.sh"' in (ROOT / "deploy/run_prod.py").read_text()
    assert SERVICES["proxy"]["build"]["target"] == "proxy"
    assert all(SERVICES[s]["build"]["target"] == "app" for s in ("web", "worker", "scheduler"))


def test_both_stacks_give_the_app_the_same_production_environment(tmp_path):
    made = run_prod.environment(tmp_path, 8080)
    compose = SERVICES["web"]["environment"]
    for name in ("DJANGO_SETTINGS_MODULE", "TRUSTED_PROXY_COUNT", "MEDIA_X_ACCEL_REDIRECT"):
        assert str(compose[name]) == made[name], name
    for name in ("DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "BACKUP_DIR"):
        assert name in compose and made[name]


def test_processes_stop_gracefully():
    gunicorn = {}
    exec((ROOT / "deploy/gunicorn.conf.py").read_text(), gunicorn)  # noqa: S102
    email_timeout = 20
    assert gunicorn["graceful_timeout"] > email_timeout
    assert duration_seconds(SERVICES["web"]["stop_grace_period"]) > gunicorn["graceful_timeout"]
    assert duration_seconds(SERVICES["worker"]["stop_grace_period"]) >= 4 * email_timeout
    assert duration_seconds(SERVICES["worker"]["stop_grace_period"]) <= run_prod.STOP_TIMEOUT


def test_gunicorn_workers_are_sized_for_the_machine():
    gunicorn = {}
    exec((ROOT / "deploy/gunicorn.conf.py").read_text(), gunicorn)  # noqa: S102
    size = gunicorn["workers_for_machine"]
    assert size(cpus=2, memory_mib=24_000) == 5  # 2 x CPUs + 1
    assert size(cpus=8, memory_mib=2_048) == 4  # capped by memory: half of it for workers
    assert size(cpus=1, memory_mib=512) == 2  # never fewer than two


def test_health_checks_use_healthz():
    assert "/healthz" in " ".join(SERVICES["web"]["healthcheck"]["test"])
    assert "/healthz" in " ".join(SERVICES["proxy"]["healthcheck"]["test"])
    for name in ("db", "redis"):
        assert SERVICES[name]["healthcheck"]


def test_app_runs_as_a_user_and_only_the_proxy_is_published():
    app_stage = DOCKERFILE.split("FROM debian")[0]
    assert re.search(r"^USER urbact$", app_stage, re.MULTILINE)
    published = [name for name, service in SERVICES.items() if service.get("ports")]
    assert published == ["proxy"]


def test_the_scheduler_and_the_media_volume():
    assert shlex.split(SERVICES["scheduler"]["command"]) == [
        "python",
        "manage.py",
        "run_scheduler",
    ]
    for name in ("web", "worker", "scheduler", "proxy"):
        assert any(v.startswith("media:/srv/media") for v in SERVICES[name]["volumes"]), name


def test_shell_scripts_are_valid():
    for script in (
        "deploy/nginx/render.sh",
        "deploy/nginx/entrypoint.sh",
        "deploy/install-nginx.sh",
    ):
        subprocess.run(["sh", "-n", str(ROOT / script)], check=True)
    assert Path(ROOT / "deploy/nginx/entrypoint.sh").stat().st_mode & 0o111


def test_the_master_serves_each_page_type_once_before_forking(site_tree):
    """deploy/gunicorn.conf.py's when_ready: the warm-up answers the home pages and one page
    of each type through the WSGI application (what the workers then share)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from urbact_portal.ops import warmup

    item = factories.news_page(site_tree["news"], title="Novica", title_en="News item")
    # As Django's test client does: the test's transaction must outlive the requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        answered = dict(warmup.warm_up())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert answered["/"] == 200
    assert answered[item.url] == 200
    assert answered[site_tree["news"].url] == 200
    assert all(status in (200, 302) for status in answered.values()), answered
