from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Saved searches as e-mail alerts, without an account: double opt-in, new matching offers daily or
    weekly through the outbox, one-click unsubscribe, deletion after unsubscribing or a year of silence."""

    name = "engagement.alerts"
    verbose_name = _("Suchbenachrichtigungen")
    default_auto_field = "django.db.models.BigAutoField"
