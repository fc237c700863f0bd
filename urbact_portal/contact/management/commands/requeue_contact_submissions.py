"""Queue again the contact messages whose delivery task was lost (a worker killed in the
middle of an attempt, say). Safe to run at any time, e.g. hourly from cron:

    python manage.py requeue_contact_submissions
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from urbact_portal.contact.delivery import requeue_stale


class Command(BaseCommand):
    help = "Queue again pending contact messages whose delivery task is missing or stuck."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=60,
            help="Only messages untouched for this long (default: 60).",
        )

    def handle(self, *args, older_than_minutes=60, **options):
        if older_than_minutes < 1:
            raise CommandError("--older-than-minutes must be at least 1.")
        requeued = requeue_stale(timedelta(minutes=older_than_minutes))
        self.stdout.write(f"Queued {len(requeued)} contact message(s) for delivery again.")
