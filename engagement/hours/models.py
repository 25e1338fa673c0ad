"""Confirmed hours of a volunteer (per application: the volunteer is known by their application and its
private status link, no account), the Engagementnachweis issued from them, and the recognition thresholds
a city names (e.g. hours per year for an Ehrenamtskarte)."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from engagement.applications.models import Application
from engagement.cities.models import CityPage
from engagement.organisations.models import Organisation

# A verification code: 10 characters from an alphabet without look-alikes (0/O, 1/I/L), about 50 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value: str) -> str:
    """What someone typed or scanned, as stored: upper case, without spaces and dashes."""
    return "".join(value.split()).replace("-", "").upper()[:40]


class HoursEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The hours of applications to the member's organisations, nobody else's (not the city's)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(application__opportunity__organisation__in=Organisation.objects.of_member(user))

    def attended(self):
        return self.filter(attended=True)


class HoursEntry(models.Model):
    """One confirmed day (or month, for a regular offer) of one volunteer: came or not, and how long."""

    class Period(models.TextChoices):
        # With a context: Wagtail's catalogue translates a bare "Tag" as the English word (a keyword).
        DAY = "day", pgettext_lazy("Zeitraum", "Tag")
        MONTH = "month", _("Monat")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="hours_entries")
    period = models.CharField(_("Zeitraum"), max_length=5, choices=Period.choices, default=Period.DAY)
    # The day, or the first day of the month.
    date = models.DateField(_("Datum"))
    hours = models.DecimalField(
        _("Stunden"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(744))],
    )
    # "Nicht erschienen" is recorded for the Verein's planning; it is never shown publicly or on a Nachweis.
    attended = models.BooleanField(_("Erschienen"), default=True)
    label = models.CharField(_("Tätigkeit"), max_length=200, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("Bestätigt am"))

    objects = HoursEntryQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "period", "date", "label"], name="hours_one_entry_per_day_and_task"
            ),
            models.CheckConstraint(
                condition=Q(attended=True) | Q(hours=0), name="hours_none_when_not_attended"
            ),
        ]
        verbose_name = _("Stundeneintrag")
        verbose_name_plural = _("Stundeneinträge")

    def __str__(self):
        return f"{self.application_id}: {self.date} {self.hours}"


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation__in=Organisation.objects.of_member(user))


class Certificate(models.Model):
    """An Engagementnachweis: requested by the volunteer (or started by the Verein), issued by a person
    responsible for the Verein, revocable. What it states is fixed when it is issued (the fields below),
    so the verification page shows exactly what the PDF says and nothing else."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Angefragt")
        ISSUED = "issued", _("Ausgestellt")
        REVOKED = "revoked", _("Widerrufen")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="certificates")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="certificates")
    city = models.ForeignKey(CityPage, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, null=True, blank=True, editable=False)
    requested_at = models.DateTimeField(null=True, blank=True)
    # The statement, fixed on issue.
    volunteer_name = models.CharField(_("Name"), max_length=150, blank=True)
    organisation_name = models.CharField(_("Organisation"), max_length=150, blank=True)
    stage_name = models.CharField(_("Bühne"), max_length=120, blank=True)
    tasks = models.TextField(_("Tätigkeiten"), max_length=2000, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    hours = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal(0))
    signer_name = models.CharField(_("Unterzeichnet von"), max_length=150, blank=True)
    signer_role = models.CharField(_("Funktion"), max_length=120, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="requested"),
                name="certificate_one_request_per_application",
            )
        ]
        verbose_name = _("Engagementnachweis")
        verbose_name_plural = _("Engagementnachweise")

    def __str__(self):
        return f"{self.code or '–'} ({self.status})"

    @property
    def display_code(self) -> str:
        return f"{self.code[:5]}-{self.code[5:]}" if self.code else ""

    @property
    def task_list(self) -> list[str]:
        return [line.strip() for line in self.tasks.splitlines() if line.strip()]


class RecognitionThreshold(Orderable):
    """A threshold a Land or the city uses to recognise volunteering, shown to volunteers who reach it
    ("hat den Richtwert erreicht"), never as a decision on eligibility. Edited on the city's page."""

    class Period(models.TextChoices):
        YEAR = "year", _("pro Kalenderjahr")
        TOTAL = "total", _("insgesamt")

    city = ParentalKey(CityPage, on_delete=models.CASCADE, related_name="recognition_thresholds")
    name = models.CharField(
        _("Bezeichnung"),
        max_length=150,
        help_text=_("Zum Beispiel „Ehrenamtskarte Baden-Württemberg“ oder „Engagementnachweis“."),
    )
    hours = models.PositiveIntegerField(
        _("Stunden"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    period = models.CharField(_("Zeitraum"), max_length=5, choices=Period.choices, default=Period.YEAR)
    link = models.URLField(_("Mehr dazu (Link)"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("hours"), FieldPanel("period"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = _("Richtwert für Anerkennung")
        verbose_name_plural = _("Richtwerte für Anerkennung")

    def __str__(self):
        return f"{self.name}: {self.hours}"
