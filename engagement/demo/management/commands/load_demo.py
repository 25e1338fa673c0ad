import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from engagement.demo.loader import DEMO_PASSWORD, DemoModeRequired, load_demo


class Command(BaseCommand):
    help = "Lädt Demo-Inhalte (drei Städte, Organisationen, Angebote) und Demo-Zugänge. Nur im Demo-Modus."

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result = load_demo(
                progress=lambda items, **kw: tqdm(items, disable=options["verbosity"] < 1, **kw)
            )
        except DemoModeRequired as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo-Daten geladen in {seconds:.1f} s: {result.organisations_created} Organisationen, "
                f"{result.opportunities_created} Angebote und {result.needs_created} Einträge unter "
                "„Gesucht und zu verleihen“ neu angelegt."
            )
        )
        self.stdout.write(f"\nDemo-Zugänge (Passwort für alle: {DEMO_PASSWORD}), Anmeldung unter /admin/:")
        for username, description in result.accounts:
            self.stdout.write(f"  {username:<24} {description}")
