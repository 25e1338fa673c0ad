from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoursConfig(AppConfig):
    name = "engagement.hours"
    label = "hours"
    verbose_name = _("Anwesenheit und Stunden")

    def ready(self):
        from . import extensions  # models are ready only now

        extensions.register()
