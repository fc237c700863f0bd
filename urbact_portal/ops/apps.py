from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations (urbact_portal/ops/): registers the nightly backup with the scheduler."""

    name = "urbact_portal.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self):
        from . import jobs

        jobs.register_jobs()
