"""The site's periodic jobs, and the one process that runs them: `python manage.py run_scheduler`.

A single long-running process (no cron, no root) runs every registered job on time: Wagtail's
scheduled publishing every minute, the contact-message purge, session clean-up, task-result
pruning and whatever a later feature adds. `make run` starts it beside the mail worker;
production runs it as the `scheduler` service of docker-compose.yml (exactly one).
`python manage.py run_scheduler --list` shows the registered jobs and their next runs.

Registering a job
-----------------
Any app registers its jobs from its AppConfig.ready() through this module; the registry is
plain Python (no database, no scheduler library needed to import it)::

    from django.apps import AppConfig


    class BackupConfig(AppConfig):
        name = "backup"

        def ready(self):
            from urbact_portal import scheduler

            scheduler.register_command(
                "nightly-backup",
                "backup_database",  # a management command, with its arguments
                "--keep-days",
                "14",
                schedule=scheduler.daily(at="02:45"),
                description="Database and media backup",
            )
            scheduler.register(
                "warm-cache", warm_cache, schedule=scheduler.every(minutes=10)
            )

- `register(name, func, *, schedule, description="")`: `func()` is called with no
  arguments; its return value, if any, is logged.
- `register_command(name, command, *args, schedule, description="")`: runs the management
  command as `call_command(command, *args)`; what it writes to stdout/stderr is logged.
- `name` is the job's unique id (lowercase words joined by hyphens). Registering the same
  job twice is harmless; another job under a taken name raises ImproperlyConfigured, unless
  `replace=True` deliberately swaps it (say, a later feature replacing an older job).
- Schedules, in the site's time zone (settings.TIME_ZONE, Europe/Ljubljana, summer time
  included): `every(seconds=, minutes=, hours=)` runs at start and then at that interval;
  `daily(at="HH:MM")`; `weekly(day="sun", at="HH:MM")` (mon, tue, wed, thu, fri, sat, sun).
  Avoid 02:00-03:00 for daily jobs: that hour is skipped or repeated when the clocks change.

How jobs run
------------
- One job at a time, in one worker thread, so jobs never compete for the database. A job
  whose previous run is still going is not started twice; missed runs are not piled up.
- Every run is logged (logger "urbact_portal.scheduler"): start, end, duration, output. A job
  that raises is logged with its traceback; the scheduler and the other jobs carry on.
- Database connections are closed after every run (and stale ones before it), so a
  restarted database server costs at most one failed run.
- SIGTERM or SIGINT: no new run starts, the running job is allowed to finish, connections are
  closed and the process exits with status 0. A long job (a backup, say) can abandon its work
  cleanly between steps by checking `stop_requested()`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Every:
    """Run at start, then every `seconds`."""

    seconds: float

    def __str__(self):
        return f"every {_duration(self.seconds)}"


@dataclass(frozen=True)
class Daily:
    hour: int
    minute: int

    def __str__(self):
        return f"daily at {self.hour:02d}:{self.minute:02d}"


@dataclass(frozen=True)
class Weekly:
    day: str
    hour: int
    minute: int

    def __str__(self):
        return f"weekly on {self.day} at {self.hour:02d}:{self.minute:02d}"


Schedule = Every | Daily | Weekly


def every(*, seconds: float = 0, minutes: float = 0, hours: float = 0) -> Every:
    total = seconds + 60 * minutes + 3600 * hours
    if total <= 0:
        raise ValueError("every() needs a positive interval")
    return Every(total)


def _hour_minute(at: str) -> tuple[int, int]:
    match = _TIME.match(at)
    if not match:
        raise ValueError(f"Expected a time as 'HH:MM', got {at!r}")
    return int(match.group(1)), int(match.group(2))


def daily(*, at: str) -> Daily:
    return Daily(*_hour_minute(at))


def weekly(*, day: str, at: str) -> Weekly:
    day = day.lower()[:3]
    if day not in WEEKDAYS:
        raise ValueError(f"Expected a weekday ({', '.join(WEEKDAYS)}), got {day!r}")
    return Weekly(day, *_hour_minute(at))


def _duration(seconds: float) -> str:
    for unit, size in (("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)} {unit}"
    return f"{seconds:g} s"


@dataclass(frozen=True)
class Job:
    name: str
    func: Callable[[], object] = field(compare=False)
    schedule: Schedule
    description: str = ""
    # What identifies the work, for "registered twice" (func objects may be rebuilt).
    key: tuple = ()

    def __str__(self):
        return f"{self.name} ({self.schedule})"


@dataclass(frozen=True)
class CommandCall:
    """A management command as a job's function: call_command(command, *args)."""

    command: str
    args: tuple[str, ...] = ()

    def __call__(self) -> str:
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command(self.command, *self.args, stdout=out, stderr=out)
        return out.getvalue().strip()


class Registry:
    """The jobs the scheduler runs, by name, in registration order."""

    def __init__(self):
        self._jobs: dict[str, Job] = {}

    def register(
        self,
        name: str,
        func: Callable[[], object],
        *,
        schedule: Schedule,
        description: str = "",
        replace: bool = False,
        _key: tuple | None = None,
    ) -> Job:
        if not _NAME.match(name):
            raise ValueError(f"Job names are lowercase words joined by hyphens, not {name!r}")
        if not isinstance(schedule, Every | Daily | Weekly):
            raise TypeError("schedule must come from every(), daily() or weekly()")
        if not callable(func):
            raise TypeError(f"Job {name!r}: func must be callable")
        job = Job(name, func, schedule, description, _key or (func,))
        existing = self._jobs.get(name)
        if existing is not None and not replace and existing != job:
            raise ImproperlyConfigured(
                f"A scheduled job named {name!r} is already registered ({existing}); "
                "choose another name or pass replace=True."
            )
        self._jobs[name] = job
        return job

    def register_command(
        self,
        name: str,
        command: str,
        *args: str,
        schedule: Schedule,
        description: str = "",
        replace: bool = False,
    ) -> Job:
        call = CommandCall(command, tuple(str(arg) for arg in args))
        return self.register(
            name,
            call,
            schedule=schedule,
            description=description or f"manage.py {' '.join((command, *call.args))}",
            replace=replace,
            _key=(call,),
        )

    def unregister(self, name: str) -> None:
        self._jobs.pop(name, None)

    def get(self, name: str) -> Job:
        return self._jobs[name]

    def __iter__(self) -> Iterator[Job]:
        return iter(list(self._jobs.values()))

    def __len__(self) -> int:
        return len(self._jobs)

    def __contains__(self, name: str) -> bool:
        return name in self._jobs


jobs = Registry()
register = jobs.register
register_command = jobs.register_command
unregister = jobs.unregister


def stop_requested() -> bool:
    """True once the scheduler process has been asked to stop: a long job may return early."""
    from .runner import STOP

    return STOP.is_set()
