from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "engagement.dashboard"
    label = "dashboard"
    verbose_name = _("Bereich für Vereine")

    def ready(self):
        from engagement.opportunities import notifications  # noqa: F401  (connects the workflow signals)
