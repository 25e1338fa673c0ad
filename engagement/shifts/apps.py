from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShiftsConfig(AppConfig):
    name = "engagement.shifts"
    label = "shifts"
    verbose_name = _("Schichten")

    def ready(self):
        from . import extensions, signals  # noqa: F401  (signals: page cache invalidation on booking changes)

        extensions.register()
