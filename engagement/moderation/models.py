from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.opportunities.models import OpportunityPage


class ContentReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ContentReport.Status.OPEN)

    def in_cities(self, cities):
        return self.filter(city__in=cities)


class ContentReport(models.Model):
    """A citizen's report of an opportunity ("Inhalt melden"), for its city's editors to look at."""

    class Reason(models.TextChoices):
        WRONG = "wrong", _("Angaben stimmen nicht oder sind veraltet")
        INAPPROPRIATE = "inappropriate", _("Unangemessener oder beleidigender Inhalt")
        NOT_VOLUNTEERING = "not_volunteering", _("Kein Ehrenamt (z. B. bezahlte Arbeit, Werbung)")
        OTHER = "other", _("Etwas anderes")

    class Status(models.TextChoices):
        OPEN = "open", _("Offen")
        RESOLVED = "resolved", _("Erledigt")

    opportunity = models.ForeignKey(
        OpportunityPage, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Angebot")
    )
    city = models.ForeignKey(CityPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("Stadt"))
    reason = models.CharField(_("Grund"), max_length=20, choices=Reason.choices)
    message = models.TextField(_("Beschreibung"), max_length=2000, blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Erledigt von"),
    )
    resolved_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)
    editor_note = models.TextField(_("Notiz der Redaktion"), blank=True)

    objects = ContentReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Gemeldeter Inhalt")
        verbose_name_plural = _("Gemeldete Inhalte")

    def __str__(self):
        return f"{self.opportunity.title}: {self.get_reason_display()}"
