from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from engagement.security import two_factor


class Command(BaseCommand):
    help = "Remove an account's second factor (lost phone): it sets up a new one at its next admin login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        removed = two_factor.remove_devices(user)
        self.stdout.write(f"{username}: {removed} device(s) removed.")
