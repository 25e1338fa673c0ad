from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class ProvisioningConfig(AppConfig):
    """Setting up the portal and a city (`setup_city`); no models, so nothing of it shows in the admin."""

    name = "engagement.provisioning"
    label = "provisioning"

    def ready(self):
        # The services import models, which exist only once the app registry is ready.
        from .services import portal_legal_pages_after_migrate

        # Django sends post_migrate once per app with models, after all migrations: this app has none,
        # so it listens for the legal pages' app.
        post_migrate.connect(portal_legal_pages_after_migrate, sender=apps.get_app_config("legal"))
