from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    """Needs beyond people: what a Verein is looking for (material, rooms, know-how, donations in kind)
    and what it lends or gives away, moderated by its city like its offers, found in their own search,
    answered through a contact form that shows nobody's address."""

    name = "engagement.needs"
    label = "needs"
    verbose_name = _("Gesucht und zu verleihen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import page_cache  # noqa: F401 — connects the receivers that refresh cached pages
