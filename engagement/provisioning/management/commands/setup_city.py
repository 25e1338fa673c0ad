from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from engagement.provisioning.services import setup_city


class Command(BaseCommand):
    help = (
        "Richtet eine Stadt ein (oder bringt sie auf Stand): Bereichsseite, Redaktionsgruppe mit Rechten "
        "nur auf diesen Bereich, Moderations-Workflow und Sammlung für Bilder und Dokumente."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Name der Stadt, z. B. „Bretten“")
        parser.add_argument("--slug", required=True, help="URL-Kürzel, z. B. „bretten“")
        parser.add_argument("--postcodes", required=True, help="Postleitzahlen, durch Komma getrennt")
        parser.add_argument(
            "--stage-name", default="", help="Name der Bühne (Standard: Engagement vernetzt <Stadt>)"
        )

    def handle(self, *args, name, slug, postcodes, stage_name, **options):
        try:
            result = setup_city(name=name, slug=slug, postcodes=postcodes, stage_name=stage_name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        verb = "angelegt" if result.created else "aktualisiert"
        self.stdout.write(
            self.style.SUCCESS(f"{name} {verb}: {result.page.url_path}, Gruppe „{result.group.name}“.")
        )
