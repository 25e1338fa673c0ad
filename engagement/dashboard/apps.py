from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The Verein's user interface (/mein-verein/): views, forms, URLs and templates over the services of
    opportunities, organisations, applications and users."""

    name = "engagement.dashboard"
    label = "dashboard"
    verbose_name = _("Bereich für Vereine")
