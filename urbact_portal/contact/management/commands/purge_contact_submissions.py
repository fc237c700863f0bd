"""Delete contact-form messages older than the retention period (CONTACT_RETENTION_MONTHS,
24 by default). Run it daily, e.g. from cron:  python manage.py purge_contact_submissions"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from urbact_portal.contact.retention import expired_submissions


class Command(BaseCommand):
    help = "Delete contact-form messages older than CONTACT_RETENTION_MONTHS months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Keep this many months instead of CONTACT_RETENTION_MONTHS.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report how many would be deleted."
        )

    def handle(self, *args, months=None, dry_run=False, **options):
        months = settings.CONTACT_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("The retention period must be at least one month.")
        queryset, cutoff = expired_submissions(months)
        if dry_run:
            count = queryset.count()
            self.stdout.write(
                f"{count} contact message(s) older than {cutoff:%Y-%m-%d} would be deleted."
            )
            return
        with transaction.atomic():
            count, _details = queryset.delete()
        self.stdout.write(f"Deleted {count} contact message(s) older than {cutoff:%Y-%m-%d}.")
