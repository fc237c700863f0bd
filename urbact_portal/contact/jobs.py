"""The contact form's periodic jobs, registered with the scheduler (urbact_portal/scheduler/)
when the app is ready; `manage.py run_scheduler --list` shows them. Delivery needs no job:
the mail worker's own tasks take over messages whose attempt was abandoned (delivery.py)."""

from urbact_portal import scheduler


def register_jobs(registry: scheduler.Registry = scheduler.jobs) -> None:
    registry.register_command(
        "purge-contact-messages",
        "purge_contact_submissions",
        schedule=scheduler.daily(at="03:15"),
        description="Delete contact messages older than CONTACT_RETENTION_MONTHS",
    )
    registry.register_command(
        "prune-task-results",
        "prune_db_task_results",
        "--backend",
        "mail",
        "--queue-name",
        "*",
        "--min-age-days",
        "30",
        schedule=scheduler.weekly(day="sun", at="04:00"),
        description="Delete finished mail-delivery task results older than 30 days",
    )
