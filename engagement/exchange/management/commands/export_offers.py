"""Every listed offer (or one city's) as a file for national platforms, as at /api/v2/export/."""

import sys

from django.core.management.base import BaseCommand, CommandError

from engagement.cities.models import CityPage
from engagement.exchange.exports import EXPORTS, stream_export


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
            with open(output, "w", encoding="utf-8", newline="") as file:
                for chunk in chunks:
                    file.write(chunk)
        else:
            for chunk in chunks:
                sys.stdout.write(chunk)
