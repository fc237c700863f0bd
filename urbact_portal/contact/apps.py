from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "urbact_portal.contact"
    label = "contact"
    verbose_name = _("Contact form")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import jobs

        # Purge and prune on schedule (manage.py run_scheduler).
        jobs.register_jobs()
