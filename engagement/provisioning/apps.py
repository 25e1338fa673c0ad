from django.apps import AppConfig


class ProvisioningConfig(AppConfig):
    """Setting up a city (`setup_city`); no models, so nothing of it shows in the admin."""

    name = "engagement.provisioning"
    label = "provisioning"
