from django.core.management.base import BaseCommand

from urbact_portal import site_cache
from urbact_portal.models import SearchEntry
from urbact_portal.search import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the site search index from every live, public page (both languages)."

    def handle(self, *args, **options):
        pages = rebuild_all()
        site_cache.bump_version()  # cached search counts and pages show the new entries
        entries = SearchEntry.objects.count()
        if options["verbosity"] > 0:
            self.stdout.write(f"Search index rebuilt: {pages} pages, {entries} entries.")
