"""`manage.py backup`: the database and the media files in one dated archive in BACKUP_DIR,
then archives older than BACKUP_KEEP_DAYS are deleted (urbact_portal/ops/backup.py)."""

import logging
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from urbact_portal.ops import backup

logger = logging.getLogger("urbact_portal.ops.backup")


class Command(BaseCommand):
    help = "Back up the database and the media files into one dated archive, with retention."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=None, help="default: BACKUP_DIR")
        parser.add_argument("--keep-days", type=int, default=None, help="default: BACKUP_KEEP_DAYS")

    def handle(self, *args, output_dir=None, keep_days=None, **options):
        directory = Path(output_dir or settings.BACKUP_DIR)
        keep_days = settings.BACKUP_KEEP_DAYS if keep_days is None else keep_days
        if keep_days < 1:
            raise CommandError("--keep-days must be at least 1.")
        try:
            archive = backup.create_backup(directory)
        except backup.BackupError as exc:
            logger.error("Backup failed: %s", exc)
            raise CommandError(str(exc)) from exc
        removed = backup.prune_backups(directory, keep_days)
        size_mib = archive.stat().st_size / (1024 * 1024)
        logger.info(
            "Backup written: %s (%.1f MiB); %d old removed", archive, size_mib, len(removed)
        )
        self.stdout.write(f"{archive} ({size_mib:.1f} MiB)")
        for path in removed:
            self.stdout.write(f"removed {path}")
