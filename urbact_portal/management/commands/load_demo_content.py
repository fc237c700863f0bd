"""`manage.py load_demo_content`: the demo site from the seed texts and verified facts.

Idempotent: run it again and nothing is duplicated; pages that exist are kept as editors
left them unless --reset is given. `make run` calls it after `migrate`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from urbact_portal.demo.loader import DemoLoader

ADMIN_USERNAME = "admin"
# Only for a local development database (DEBUG=True); never used in production.
DEV_ADMIN_PASSWORD = "urbact-demo"
DEFAULT_ADDRESS = "127.0.0.1:8000"


def admin_url(address):
    """The admin's address for `host:port` as runserver is given it (`make run` passes its
    HOST and PORT): a host that listens everywhere is opened as the loopback address."""
    host, _sep, port = (address or DEFAULT_ADDRESS).rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1" if host == "0.0.0.0" else "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port or '8000'}/admin/"


class Command(BaseCommand):
    @property
    def help(self):
        return _("Load the demo content (pages, themes, cities, networks, images, an admin user).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=_(
                "Rewrite the demo fields of pages that already exist (editors' changes to "
                "them are lost)."
            ),
        )
        parser.add_argument(
            "--admin-password",
            default=None,
            help=_(
                "Password for a new 'admin' superuser; required when DEBUG is off. An "
                "existing admin's password is never changed."
            ),
        )
        parser.add_argument(
            "--address",
            default=DEFAULT_ADDRESS,
            help=_("host:port the site is served on, for the admin address printed at the end."),
        )
        parser.add_argument(
            "--image-width",
            type=int,
            default=1200,
            help=_("Width in pixels of the generated illustrations (the tests use small ones)."),
        )

    def handle(self, *args, **options):
        with translation.override("sl"):
            result = DemoLoader(reset=options["reset"], image_width=options["image_width"]).run()
            self.stdout.write(
                _(
                    "Demo content: %(created)d pages created, %(updated)d updated, "
                    "%(kept)d unchanged; %(images)d new images."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "kept": result.kept,
                    "images": result.images,
                }
            )
            self.rebuild_search()
            self.ensure_admin(options["admin_password"], admin_url(options["address"]))

    def rebuild_search(self):
        try:
            call_command("rebuild_search_entries", verbosity=0)
        except CommandError as error:
            if "Unknown command" not in str(error):
                raise

    def ensure_admin(self, password, url):
        User = get_user_model()
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            if password is None and not settings.DEBUG:
                self.stderr.write(
                    _(
                        "DEBUG is off: no admin user was created. Give --admin-password to "
                        "create one."
                    )
                )
                return
            password = password or DEV_ADMIN_PASSWORD
            User.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
            shown = password
        elif password is None and user.check_password(DEV_ADMIN_PASSWORD):
            shown = DEV_ADMIN_PASSWORD
        else:
            shown = _("(unchanged)")
        self.stdout.write(
            _("Admin: %(url)s  user: %(user)s  password: %(password)s")
            % {"url": url, "user": ADMIN_USERNAME, "password": shown}
        )
