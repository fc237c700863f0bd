"""`manage.py generate_content --news 10000 [--networks N --cities N --events N]`: many
pages, fast, for measuring the site at scale (tests/bench_scale.py). See
urbact_portal/generate.py; each content app adds its option in its `generate` module."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from urbact_portal.generate import installed_generators


class Command(BaseCommand):
    help = "Add generated pages in bulk (for benchmarks): --news 10000 --networks 20 ..."

    def add_arguments(self, parser):
        for generator in installed_generators():
            parser.add_argument(
                f"--{generator.option}",
                type=int,
                default=generator.default,
                metavar="N",
                help=f"how many {generator.help} to add",
            )
        parser.add_argument("--seed", type=int, default=1, help="varies the generated texts")

    def handle(self, *args, **options):
        with translation.override("sl"):
            for generator in installed_generators():
                count = options.get(generator.option) or 0
                if count < 0:
                    raise CommandError(f"--{generator.option} must not be negative")
                if not count:
                    continue
                started = time.perf_counter()
                made = generator.build(count, options)
                if options["verbosity"] > 0:
                    seconds = time.perf_counter() - started
                    self.stdout.write(f"{generator.name}: {made} in {seconds:.1f} s")
