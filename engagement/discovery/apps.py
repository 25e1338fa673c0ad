from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    """How search engines and link previews find the platform: sitemap, robots.txt, canonical and
    language links, Open Graph."""

    name = "engagement.discovery"
    verbose_name = _("Auffindbarkeit")
