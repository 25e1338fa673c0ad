"""Every periodic job of the schedule (`CELERY_BEAT_SCHEDULE`) now, one after the other.

Each job does only what is due when it runs (unsent mails, reminders whose time has come, offers past
their date), so running them all at any moment is safe. The jobs run in this process; the small tasks
they fan out go to the workers where a broker is configured and run right here where none is.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from engagement.celery import app


class Command(BaseCommand):
    help = (
        "Führt jede periodische Aufgabe des Zeitplans jetzt einmal aus (jede erledigt, was fällig ist). "
        "Mit Namen nur diese, z. B. send-unsent-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", metavar="name", help="Einträge des Zeitplans (Standard: alle)")

    def handle(self, *args, jobs, **options):
        schedule = settings.CELERY_BEAT_SCHEDULE
        unknown = [name for name in jobs if name not in schedule]
        if unknown:
            raise CommandError(
                f"Unbekannte Aufgabe: {', '.join(unknown)}. Der Zeitplan kennt: {', '.join(schedule)}."
            )
        app.loader.import_default_modules()
        failed = []
        for name in jobs or schedule:
            started = time.monotonic()
            result = app.tasks[schedule[name]["task"]].apply(throw=False)
            seconds = time.monotonic() - started
            if result.failed():
                failed.append(name)
                self.stderr.write(f"{name}: fehlgeschlagen nach {seconds:.1f} s\n{result.traceback}")
            else:
                self.stdout.write(f"{name}: erledigt in {seconds:.1f} s")
        if failed:
            raise CommandError(f"Fehlgeschlagen: {', '.join(failed)}.")
