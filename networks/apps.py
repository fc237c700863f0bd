from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks and good practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from urbact_portal.site_cache import bump_version

        from .models import ProgrammeFigures

        def figures_changed(sender, created=False, **kwargs):
            # for_site() creates the row with its defaults while the home page renders:
            # what was cached from it is already current.
            if not created:
                bump_version()

        # weak=False: the receiver is local to this method.
        post_save.connect(
            figures_changed, sender=ProgrammeFigures, weak=False, dispatch_uid="urbact-figures"
        )
        post_delete.connect(
            figures_changed, sender=ProgrammeFigures, weak=False, dispatch_uid="urbact-figures-del"
        )
