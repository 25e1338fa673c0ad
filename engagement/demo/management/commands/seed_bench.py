import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from engagement.demo.bench import seed_bench


class Command(BaseCommand):
    help = "Legt N synthetische Angebote (mit Organisationen) für Benchmarks an."

    def add_arguments(self, parser):
        parser.add_argument("--opportunities", type=int, required=True, help="Anzahl der Angebote")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, opportunities, batch_size, **options):
        if opportunities < 1:
            raise CommandError("Bitte eine positive Anzahl angeben.")
        started = time.monotonic()
        quiet = options["verbosity"] < 1
        # One bar: each batch writes its pages, categories and search index rows together.
        with tqdm(total=opportunities, unit="Angebot", desc="Angebote", disable=quiet) as pages:
            try:
                made = seed_bench(opportunities, batch_size=batch_size, progress=pages.update)
            except RuntimeError as error:
                raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{made} Angebote in {seconds:.1f} s angelegt ({made / seconds:.0f} pro Sekunde)."
            )
        )
