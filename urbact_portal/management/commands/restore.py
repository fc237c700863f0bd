"""`manage.py restore ARCHIVE`: the database and the media of a backup archive, into an empty
database and an empty media storage (DATABASE_URL and MEDIA_ROOT / the S3 settings say
which); --force replaces what is there."""

from django.core.management.base import BaseCommand, CommandError

from urbact_portal.ops import backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and media storage."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="delete every table and media file first (the current site is lost)",
        )

    def handle(self, *args, archive, force=False, **options):
        try:
            result = backup.restore_backup(archive, force=force)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        # Pages cached under the old content are stale now (only this site's keys change).
        from urbact_portal.site_cache import bump_version

        bump_version()
        self.stdout.write(
            f"Restored the backup of {result['created']}: the database and "
            f"{result['restored_media_files']} media files. If this code is newer than the "
            f"backup, run `manage.py migrate`."
        )
