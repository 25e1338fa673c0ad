from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from engagement.opportunities.models import OpportunityPage


class Freshness(models.Model):
    """Whether an ongoing opportunity is still current (the national database asks every 3 months).

    Kept beside the page, not on it: confirming is not a content change and must not create a revision.
    """

    page = models.OneToOneField(OpportunityPage, on_delete=models.CASCADE, related_name="freshness")
    confirmed_at = models.DateTimeField(_("Zuletzt bestätigt"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("Erinnert am"), null=True, blank=True)
    taken_offline_at = models.DateTimeField(_("Automatisch offline genommen am"), null=True, blank=True)
    offline_revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Fassung, die online war, als das Angebot offline genommen wurde."),
    )

    class Meta:
        verbose_name = _("Aktualität")
        verbose_name_plural = _("Aktualität")

    def __str__(self):
        return f"{self.page_id}: {self.confirmed_at or '–'}"
