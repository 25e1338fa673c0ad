"""Every listed offer (or one city's) as a file for national platforms, as at /api/v2/export/."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from engagement.cities.models import CityPage
from engagement.exchange.exports import EXPORTS, stream_export
from engagement.exchange.offers import exported_offers


class Command(BaseCommand):
    help = (
        "Exportiert alle auffindbaren Angebote (oder die einer Stadt) als Freiwilligendatenbank-CSV "
        "oder als Volunteering-Data-JSON-LD."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "format", choices=sorted(EXPORTS), help="freiwilligendatenbank oder volunteeringdata"
        )
        parser.add_argument("--city", help="Kürzel einer Stadt, z. B. bretten (ohne: alle Städte)")
        parser.add_argument("--output", "-o", help="Datei (ohne: Standardausgabe)")

    def handle(self, *args, format, city=None, output=None, **options):
        section = None
        if city:
            section = CityPage.objects.filter(slug=city).first()
            if section is None:
                raise CommandError(f"Die Stadt „{city}“ gibt es nicht.")
        chunks = stream_export(format, city=section)
        if output:
            # A progress bar by offers (one chunk is one offer in the CSV, one organisation in the JSON-LD).
            total = exported_offers(section).count() if format == "freiwilligendatenbank" else None
            quiet = options["verbosity"] < 1
            with open(output, "w", encoding="utf-8", newline="") as file:
                for chunk in tqdm(chunks, total=total and total + 1, disable=quiet, file=self.stderr._out):
                    file.write(chunk)
        else:
            for chunk in chunks:
                sys.stdout.write(chunk)
