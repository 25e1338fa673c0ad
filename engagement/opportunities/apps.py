from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "engagement.opportunities"
    label = "opportunities"
    verbose_name = _("Engagement-Angebote")

    def ready(self):
        # Imported once the models are loaded: they connect receivers (geocoding, search columns, cached
        # counts, the decision mails that replace Wagtail's for Verein members) and register their tasks.
        from . import notifications, signals  # noqa: F401
