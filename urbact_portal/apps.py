from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UrbactPortalConfig(AppConfig):
    name = "urbact_portal"
    verbose_name = _("URBACT Slovenija")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # search_backend: registers the SQLite fold function on each new connection.
        from . import jobs, routing, search, search_backend, signals, speed  # noqa: F401

        routing.install()
        speed.install()  # cached answers for the Site and view restrictions
        # The periodic jobs that `manage.py run_scheduler` runs (urbact_portal/scheduler/).
        jobs.register_site_jobs()
        # The search index's handlers (publish, unpublish, move, privacy, sites).
        search.connect_signals()
