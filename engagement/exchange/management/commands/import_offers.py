"""Offers from a Freiwilligendatenbank CSV, as drafts in their cities' moderation (engagement/exchange)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from engagement.cities.models import CityPage
from engagement.exchange.importer import import_offers


class Command(BaseCommand):
    help = (
        "Liest Angebote aus einer Freiwilligendatenbank-CSV: mit --dry-run nur die Prüfung je Zeile, "
        "sonst als Entwürfe in der Moderation ihrer Stadt (ein zweiter Lauf ändert nichts)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="CSV-Datei im Format des Exports /api/v2/export/freiwilligendatenbank.csv"
        )
        parser.add_argument(
            "--user", required=True, help="Benutzername einer Administratorin oder eines Administrators"
        )
        parser.add_argument(
            "--city", help="Kürzel der Stadt für alle Zeilen (ohne: je Zeile aus Stadt oder PLZ)"
        )
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts anlegen")

    def handle(self, *args, file, user, city=None, dry_run=False, **options):
        account = get_user_model().objects.filter(username=user, is_active=True, is_superuser=True).first()
        if account is None:
            raise CommandError(f"„{user}“ ist kein aktives Konto mit Administrationsrechten.")
        section = None
        if city:
            section = CityPage.objects.filter(slug=city).first()
            if section is None:
                raise CommandError(f"Die Stadt „{city}“ gibt es nicht.")
        try:
            with open(file, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            raise CommandError(f"Die Datei kann nicht gelesen werden: {error.strerror}") from None
        quiet = options["verbosity"] < 1

        def progress(items, **kwargs):
            return tqdm(items, disable=quiet, file=self.stderr._out, **kwargs)

        report = import_offers(raw, user=account, city=section, dry_run=dry_run, progress=progress)
        for line in report.lines():
            self.stdout.write(line)
        if report.has_errors:
            raise CommandError(
                f"Nicht importiert: {report.error_count} Zeile(n) mit Fehlern. Nichts wurde geändert."
            )
        summary = (
            f"{report.new_count} neu, {report.skipped_count} schon vorhanden (unverändert)."
            if not dry_run
            else f"Probelauf: {report.new_count} würden angelegt, {report.skipped_count} gibt es schon."
        )
        self.stdout.write(self.style.SUCCESS(summary))
