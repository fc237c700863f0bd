"""The scheduler process behind `python manage.py run_scheduler` (API and behaviour: see the
package docstring). APScheduler 3 does the timing: interval and cron triggers in the site's
time zone, one worker thread, no overlapping runs of a job, missed runs coalesced."""

from __future__ import annotations

import logging
import signal
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import close_old_connections, connections

from . import Daily, Every, Job, Registry, Weekly

logger = logging.getLogger("urbact_portal.scheduler")

# Set once the process has been asked to stop; jobs may poll it (stop_requested()).
STOP = threading.Event()

# A daily or weekly run that comes this late (the process was busy or suspended) still runs;
# later than that it waits for its next time.
MISFIRE_GRACE_SECONDS = 60 * 60


def run_job(job: Job) -> None:
    """Run one job in the worker thread: log its outcome, never let it escape."""
    if STOP.is_set():
        logger.info("Job %s not started: the scheduler is stopping", job.name)
        return
    close_old_connections()
    started = time.monotonic()
    logger.debug("Job %s started", job.name)
    try:
        result = job.func()
    except Exception:
        logger.exception("Job %s failed after %.2f s", job.name, time.monotonic() - started)
    else:
        output = f"\n{result}" if isinstance(result, str) and result else ""
        if result is not None and not isinstance(result, str):
            output = f" -> {result!r}"
        logger.info("Job %s finished in %.2f s%s", job.name, time.monotonic() - started, output)
    finally:
        connections.close_all()


class SchedulerProcess:
    """Runs the registry's jobs until SIGTERM/SIGINT. `tick` (seconds), for tests and
    demonstrations, replaces the interval of every `every()` job."""

    def __init__(self, registry: Registry, *, tick: float | None = None):
        if tick is not None and tick <= 0:
            raise ValueError("tick must be positive")
        self.registry = registry
        self.tick = tick
        self.timezone = ZoneInfo(settings.TIME_ZONE)
        self._stop_signal: int | None = None

    def trigger(self, schedule, now: datetime | None = None):
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        if isinstance(schedule, Every):
            if self.tick:
                return IntervalTrigger(seconds=self.tick, timezone=self.timezone)
            # On the minute: a page scheduled for 10:00 goes live at 10:00:00, not 10:00:37.
            start = (now or datetime.now(self.timezone)).replace(second=0, microsecond=0)
            return IntervalTrigger(
                seconds=schedule.seconds, start_date=start, timezone=self.timezone
            )
        if isinstance(schedule, Daily):
            return CronTrigger(hour=schedule.hour, minute=schedule.minute, timezone=self.timezone)
        if isinstance(schedule, Weekly):
            return CronTrigger(
                day_of_week=schedule.day,
                hour=schedule.hour,
                minute=schedule.minute,
                timezone=self.timezone,
            )
        raise TypeError(f"Unknown schedule {schedule!r}")

    def first_run(self, job: Job, now: datetime) -> datetime:
        """Interval jobs run at start (a restart catches up at once); the others at their time."""
        if isinstance(job.schedule, Every):
            return now
        return self.trigger(job.schedule).get_next_fire_time(None, now)

    def describe(self) -> list[str]:
        now = datetime.now(self.timezone)
        lines = []
        for job in self.registry:
            if isinstance(job.schedule, Every):
                when = f"{Every(self.tick) if self.tick else job.schedule}, first at start"
            else:
                when = f"{job.schedule}, next {self.first_run(job, now):%Y-%m-%d %H:%M %Z}"
            about = f" - {job.description}" if job.description else ""
            lines.append(f"{job.name}: {when}{about}")
        return lines

    def _on_signal(self, signum, frame):
        if self._stop_signal is None:
            self._stop_signal = signum
        STOP.set()

    def _install_signal_handlers(self):
        previous = {}
        for signum in (signal.SIGTERM, signal.SIGINT):
            current = signal.getsignal(signum)
            # A SIGINT that the parent ignores (a background job of a shell) stays ignored.
            if signum == signal.SIGINT and current is signal.SIG_IGN:
                continue
            previous[signum] = current
            signal.signal(signum, self._on_signal)
        return previous

    def run(self) -> None:
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler

        STOP.clear()
        self._stop_signal = None
        previous_handlers = self._install_signal_handlers()
        scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            },
            timezone=self.timezone,
        )
        now = datetime.now(self.timezone)
        for job in self.registry:
            scheduler.add_job(
                run_job,
                trigger=self.trigger(job.schedule, now),
                args=[job],
                id=job.name,
                name=job.name,
                next_run_time=self.first_run(job, now),
            )
        try:
            scheduler.start()
            logger.info(
                "Scheduler started (%s), %d job(s):\n  %s",
                self.timezone.key,
                len(self.registry),
                "\n  ".join(self.describe()),
            )
            while not STOP.is_set():
                time.sleep(0.2)
            name = signal.Signals(self._stop_signal).name if self._stop_signal else "request"
            logger.info("Stopping on %s: no new runs; waiting for a running job to end", name)
        finally:
            STOP.set()
            if scheduler.running:
                scheduler.shutdown(wait=True)
            connections.close_all()
            for signum, handler in previous_handlers.items():
                signal.signal(signum, handler)
            STOP.clear()
        logger.info("Scheduler stopped")
