"""Run the site's periodic jobs until stopped (SIGTERM or Ctrl-C):

    python manage.py run_scheduler          # the long-running process (docker: `scheduler`)
    python manage.py run_scheduler --list   # what is registered and when it runs next

Jobs and how to register one: urbact_portal/scheduler/__init__.py."""

from django.core.management.base import BaseCommand, CommandError

from urbact_portal import scheduler
from urbact_portal.scheduler.runner import SchedulerProcess


class Command(BaseCommand):
    help = (
        "Run the site's periodic jobs (scheduled publishing every minute, contact-message "
        "purge, session clean-up, task-result pruning, ...) until SIGTERM or Ctrl-C."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="List the jobs and their next run, then exit."
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=None,
            metavar="SECONDS",
            help="Run every interval job (e.g. publishing, every minute) every SECONDS "
            "instead: for tests and demonstrations.",
        )

    def handle(self, *args, list=False, tick=None, **options):
        if tick is not None and tick <= 0:
            raise CommandError("--tick must be a positive number of seconds.")
        process = SchedulerProcess(scheduler.jobs, tick=tick)
        if list:
            for line in process.describe():
                self.stdout.write(line)
            return
        if not len(scheduler.jobs):
            raise CommandError("No jobs are registered.")
        process.run()
