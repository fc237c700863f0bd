"""The production stack's periodic jobs, run by `manage.py run_scheduler` (the scheduler
service of docker-compose.yml and of `make prod`)."""

from urbact_portal import scheduler

# 01:30 Ljubljana time: a quiet hour, outside 02:00-03:00 (skipped or repeated when the clocks
# change), before the contact purge (03:15) so a backup still holds what the purge removes.
BACKUP_AT = "01:30"


def register_jobs(registry: scheduler.Registry = scheduler.jobs) -> None:
    registry.register_command(
        "nightly-backup",
        "backup",
        schedule=scheduler.daily(at=BACKUP_AT),
        description="Database and media files into BACKUP_DIR; keeps BACKUP_KEEP_DAYS days",
    )
