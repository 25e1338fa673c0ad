from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "engagement.cities"
    label = "cities"
    verbose_name = _("Städte")

    def ready(self):
        # Imported once the models are loaded: it connects the page cache's receivers.
        from . import signals  # noqa: F401
