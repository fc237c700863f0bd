"""The scheduler: its job registry and schedules, and the real `manage.py run_scheduler`
process on the real clock against the test database (a page scheduled a few seconds ahead
goes live, an expiring one goes offline, a failing job does not stop the others, SIGTERM and
SIGINT stop it promptly with status 0)."""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.utils import timezone

from news.models import NewsPage
from tests import factories
from tests.contact_support import transactional
from urbact_portal import scheduler
from urbact_portal.contact.jobs import register_jobs as register_contact_jobs
from urbact_portal.jobs import register_site_jobs
from urbact_portal.scheduler.runner import SchedulerProcess, run_job

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
BASE_DIR = Path(settings.BASE_DIR)


# The registry ------------------------------------------------------------------------------


def noop():
    return None


def test_the_site_registers_its_jobs_with_their_schedules():
    registry = scheduler.Registry()
    register_site_jobs(registry)
    register_contact_jobs(registry)
    jobs = {job.name: job for job in registry}
    assert jobs["publish-scheduled"].schedule == scheduler.every(minutes=1)
    assert jobs["publish-scheduled"].func == scheduler.CommandCall("publish_scheduled")
    assert jobs["clear-sessions"].func == scheduler.CommandCall("clearsessions")
    assert isinstance(jobs["clear-sessions"].schedule, scheduler.Daily)
    assert jobs["purge-contact-messages"].func.command == "purge_contact_submissions"
    assert isinstance(jobs["purge-contact-messages"].schedule, scheduler.Daily)
    # Delivery needs no periodic re-queue: the worker's tasks take over abandoned messages.
    assert "requeue-contact-messages" not in jobs
    prune = jobs["prune-task-results"]
    assert prune.func == scheduler.CommandCall(
        "prune_db_task_results",
        ("--backend", "mail", "--queue-name", "*", "--min-age-days", "30"),
    )
    assert isinstance(prune.schedule, scheduler.Weekly)
    # The core registers them when Django starts: the command finds them.
    assert {job.name for job in scheduler.jobs} >= set(jobs)
    register_site_jobs(registry)  # registering the same jobs again changes nothing
    register_contact_jobs(registry)
    assert len(registry) == len(jobs)


def test_a_taken_name_needs_replace():
    registry = scheduler.Registry()
    registry.register("nightly-backup", noop, schedule=scheduler.daily(at="02:45"))
    with pytest.raises(ImproperlyConfigured):
        registry.register("nightly-backup", print, schedule=scheduler.daily(at="02:45"))
    job = registry.register(
        "nightly-backup", print, schedule=scheduler.daily(at="01:00"), replace=True
    )
    assert registry.get("nightly-backup") is job
    registry.unregister("nightly-backup")
    assert "nightly-backup" not in registry


@pytest.mark.parametrize(
    "make",
    [
        lambda: scheduler.daily(at="25:00"),
        lambda: scheduler.daily(at="3:15"),
        lambda: scheduler.weekly(day="someday", at="04:00"),
        lambda: scheduler.every(),
        lambda: scheduler.Registry().register("Bad Name", noop, schedule=scheduler.every(hours=1)),
        lambda: scheduler.Registry().register("job", noop, schedule="daily"),
    ],
)
def test_bad_registrations_are_refused(make):
    with pytest.raises((ValueError, TypeError)):
        make()


def test_daily_and_weekly_times_are_ljubljana_times_across_the_clock_change():
    registry = scheduler.Registry()
    registry.register("daily", noop, schedule=scheduler.daily(at="03:15"))
    registry.register("weekly", noop, schedule=scheduler.weekly(day="sun", at="04:00"))
    process = SchedulerProcess(registry)
    # Saturday 28 March 2026, noon: the clocks go forward that night.
    now = datetime(2026, 3, 28, 12, 0, tzinfo=LJUBLJANA)
    daily, weekly = (process.first_run(job, now) for job in registry)
    assert daily == datetime(2026, 3, 29, 3, 15, tzinfo=LJUBLJANA)
    assert daily.utcoffset() == timedelta(hours=2)  # summer time
    assert weekly == datetime(2026, 3, 29, 4, 0, tzinfo=LJUBLJANA)
    # Every minute, on the minute.
    trigger = process.trigger(scheduler.every(minutes=1), now.replace(second=37))
    assert trigger.get_next_fire_time(None, now.replace(second=37)).second == 0


def run_in_worker_thread(job):
    """As the scheduler runs a job: in a thread of its own, with its own connections.
    Returns that thread's default connection after the run (None: closed)."""
    after = {}

    def worker():
        run_job(job)  # never raises
        after["connection"] = connection.connection

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(30)
    return after["connection"]


@transactional  # another thread's connection: the test must not hold a transaction open
def test_a_failing_job_is_logged_and_its_connection_closed(caplog):
    def boom():
        list(NewsPage.objects.all())  # opens the worker thread's connection
        raise RuntimeError("the disk is full")

    job = scheduler.Registry().register("boom", boom, schedule=scheduler.every(minutes=5))
    with caplog.at_level(logging.INFO, logger="urbact_portal.scheduler"):
        left_open = run_in_worker_thread(job)
    # An in-memory SQLite test database is one connection shared by all threads, never closed.
    if database_url() is not None:
        assert left_open is None
    failure = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert "Job boom failed" in failure.getMessage()
    assert "the disk is full" in caplog.text and "Traceback" in caplog.text


def test_command_jobs_log_what_the_command_writes(caplog):
    job = scheduler.Registry().register_command(
        "check", "check", "--deploy", "--fail-level", "CRITICAL", schedule=scheduler.every(hours=1)
    )
    with caplog.at_level(logging.INFO, logger="urbact_portal.scheduler"):
        run_in_worker_thread(job)
    assert "Job check finished" in caplog.text
    assert "System check identified" in caplog.text


# The real process ----------------------------------------------------------------------------


def database_url():
    """The test database, for a process of its own (pytest-django named it test_…)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        name = str(db["NAME"])
        if ":memory:" in name or "mode=memory" in name:
            return None
        return f"sqlite:///{name}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


class SchedulerRun:
    """`run_scheduler --tick 1` in a child process; its log in a temporary file."""

    def __init__(self, log_path, *extra, prelude=None):
        url = database_url()
        if url is None:
            pytest.skip("an in-memory SQLite test database cannot be shared with a process")
        env = dict(
            os.environ,
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="urbact_portal.settings.test",
            LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        args = ["run_scheduler", "--tick", "1", *extra]
        if prelude:
            # Jobs registered through the public API before Django starts the command.
            code = (
                f"{prelude}\nfrom django.core.management import execute_from_command_line\n"
                f"execute_from_command_line(['manage.py', *{args!r}])"
            )
            command = [sys.executable, "-c", code]
        else:
            command = [sys.executable, "manage.py", *args]
        self.log_path = log_path
        with open(log_path, "wb") as log:  # the child keeps its own copy of the file
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def output(self):
        return self.log_path.read_text()

    def wait_for(self, condition, timeout=20, what="condition"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            assert self.process.poll() is None, f"scheduler exited:\n{self.output()}"
            time.sleep(0.2)
        raise AssertionError(f"{what} not within {timeout} s:\n{self.output()}")

    def stop(self, signum=signal.SIGTERM, timeout=10):
        started = time.monotonic()
        self.process.send_signal(signum)
        code = self.process.wait(timeout=timeout)
        return code, time.monotonic() - started

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def run_scheduler(tmp_path):
    runs = []

    def start(*extra, prelude=None):
        run = SchedulerRun(tmp_path / f"scheduler-{len(runs)}.log", *extra, prelude=prelude)
        runs.append(run)
        return run

    yield start
    for run in runs:
        run.close()


def fresh(page):
    return NewsPage.objects.get(pk=page.pk)


@transactional
def test_scheduled_pages_go_live_and_expire_on_time_with_no_manual_step(run_scheduler):
    home = factories.ensure_home_page()
    index = factories.news_index(home)
    soon = timezone.now() + timedelta(seconds=5)
    embargoed = factories.news_page(index, "Novica pod embargom", live=False)
    embargoed.go_live_at = soon
    embargoed.save_revision().publish()  # "Načrtuj objavo": scheduled, not live
    expiring = factories.news_page(index, "Novica, ki poteče")
    expiring.expire_at = soon
    expiring.save_revision().publish()
    client = Client()
    assert not fresh(embargoed).live and client.get(embargoed.url).status_code == 404
    assert fresh(expiring).live and client.get(expiring.url).status_code == 200

    run = run_scheduler()
    run.wait_for(lambda: "Job publish-scheduled finished" in run.output(), what="a first run")
    if timezone.now() < soon:
        # Running, but the time has not come: nothing changed early.
        assert not fresh(embargoed).live and fresh(expiring).live
    run.wait_for(
        lambda: fresh(embargoed).live and not fresh(expiring).live, what="publish and expiry"
    )
    published = fresh(embargoed)
    assert soon <= published.last_published_at < soon + timedelta(seconds=5)
    assert fresh(expiring).expired
    assert client.get(embargoed.url).status_code == 200
    assert client.get(expiring.url).status_code == 404

    code, took = run.stop(signal.SIGTERM)
    assert code == 0, run.output()
    assert took < 5
    log = run.output()
    assert "Scheduler started (Europe/Ljubljana)" in log
    assert "Stopping on SIGTERM" in log and log.rstrip().endswith("Scheduler stopped")


FAILING_JOB = """
import time
from urbact_portal import scheduler

def boom():
    raise RuntimeError("boom: the backup disk is full")

scheduler.register("boom", boom, schedule=scheduler.every(seconds=30))
"""


@transactional
def test_a_failing_job_does_not_stop_the_others_and_sigint_stops_cleanly(run_scheduler):
    index = factories.news_index(factories.ensure_home_page())
    soon = timezone.now() + timedelta(seconds=4)
    embargoed = factories.news_page(index, "Novica pod embargom", live=False)
    embargoed.go_live_at = soon
    embargoed.save_revision().publish()

    run = run_scheduler(prelude=FAILING_JOB)
    run.wait_for(lambda: run.output().count("Job boom failed") >= 2, what="two failed runs")
    run.wait_for(lambda: fresh(embargoed).live, what="publishing beside a failing job")
    log = run.output()
    assert "RuntimeError: boom: the backup disk is full" in log and "Traceback" in log
    assert "Job publish-scheduled finished" in log

    code, took = run.stop(signal.SIGINT)
    assert code == 0, run.output()
    assert took < 5
    assert "Stopping on SIGINT" in run.output()


SLOW_JOB = """
import time
from pathlib import Path
from urbact_portal import scheduler

def slow():
    Path({marker!r}).touch()
    for _step in range(600):  # a minute's work, in small steps
        if scheduler.stop_requested():
            return "abandoned cleanly between two steps"
        time.sleep(0.1)
    return "done"

scheduler.register("slow-report", slow, schedule=scheduler.every(hours=1))
"""


@transactional
def test_sigterm_during_a_long_job_stops_promptly(run_scheduler, tmp_path):
    marker = tmp_path / "started"
    run = run_scheduler(prelude=SLOW_JOB.format(marker=str(marker)))
    run.wait_for(marker.exists, what="the slow job")
    code, took = run.stop(signal.SIGTERM)
    assert code == 0, run.output()
    assert took < 5
    log = run.output()
    assert "Job slow-report finished" in log and "abandoned cleanly" in log
    assert "Scheduler stopped" in log
