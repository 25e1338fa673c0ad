from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "engagement.mail"
    label = "mail"
    verbose_name = _("Postausgang")

    def ready(self):
        # Takes the dispatch_uids of Wagtail's own moderation notices before wagtail.admin connects them
        # (this app comes first in INSTALLED_APPS), so they go through the outbox too.
        from . import wagtail_notifications  # noqa: F401
