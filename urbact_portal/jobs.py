"""The site's own periodic jobs, registered with the scheduler (urbact_portal/scheduler/) when
the core app is ready (the contact form's: urbact_portal/contact/jobs.py). Times are Ljubljana
time; `manage.py run_scheduler --list` shows them."""

from urbact_portal import scheduler


def register_site_jobs(registry: scheduler.Registry = scheduler.jobs) -> None:
    # Pages and snippets whose go-live or expiry time has come: within a minute of it.
    registry.register_command(
        "publish-scheduled",
        "publish_scheduled",
        schedule=scheduler.every(minutes=1),
        description="Wagtail: publish pages whose go-live time has come, unpublish expired ones",
    )
    registry.register_command(
        "clear-sessions",
        "clearsessions",
        schedule=scheduler.daily(at="03:30"),
        description="Django: delete expired sessions",
    )
