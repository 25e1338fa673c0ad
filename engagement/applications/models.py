import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

from .consent import CONSENT_VERSION  # noqa: F401  (the version new applications record)


def new_access_token():
    return secrets.token_urlsafe(32)


class ApplicationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def visible_to(self, user):
        """Applicants' data is for the members of the organisation applied to, and nobody else —
        not city editors, not administrators browsing, not other organisations."""
        if not user.is_authenticated:
            return self.none()
        return self.confirmed().filter(opportunity__organisation__in=Organisation.objects.of_member(user))


class Application(models.Model):
    """A citizen's application to one opportunity. No account: a private link gives access."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Eingegangen")
        ACCEPTED = "accepted", _("Zugesagt")
        DECLINED = "declined", _("Abgesagt")
        WITHDRAWN = "withdrawn", _("Zurückgezogen")

    opportunity = models.ForeignKey(OpportunityPage, on_delete=models.CASCADE, related_name="applications")
    name = models.CharField(_("Name"), max_length=150)
    email = models.EmailField(_("E-Mail-Adresse"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    message = models.TextField(_("Nachricht"), max_length=3000)
    availability = models.CharField(_("Wann haben Sie Zeit?"), max_length=300, blank=True)
    age_confirmed = models.BooleanField(default=False)
    requirements_confirmed = models.BooleanField(default=False)
    on_waiting_list = models.BooleanField(
        _("Warteliste"), default=False, help_text=_("Kam, als alle Plätze vergeben waren.")
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    consent_version = models.CharField(max_length=20)
    consent_given_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    access_token = models.CharField(max_length=64, unique=True, default=new_access_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["opportunity", "email"], name="application_opportunity_email")]
        constraints = [
            # One open application per address and opportunity: a second one is merged, never doubled.
            models.UniqueConstraint(
                fields=["opportunity", "email"],
                condition=Q(status__in=["requested", "accepted"]),
                name="application_one_open_per_email",
            )
        ]
        verbose_name = _("Bewerbung")
        verbose_name_plural = _("Bewerbungen")

    def __str__(self):
        return f"{self.name} → {self.opportunity_id}"

    @property
    def is_open(self):
        return self.status in (self.Status.REQUESTED, self.Status.ACCEPTED)


class StatusChange(models.Model):
    """Every change of an application's status: from, to, who (empty: the applicant), when, message."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=10, choices=Application.Status.choices)
    to_status = models.CharField(max_length=10, choices=Application.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(blank=True, max_length=2000)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at"]

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


class OutgoingMail(models.Model):
    """Mail is written here in the same transaction as what it is about, then sent by a task.

    If Redis or the worker is down nothing is lost: the periodic sweep sends what is still unsent.
    `key` makes each mail unique, so a retried task or a sweep never sends it twice.
    """

    key = models.CharField(max_length=120, unique=True)
    # Erasing an application (Art. 17, retention) takes its mails with it, sent or not.
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    ics = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at", "created_at"], name="outgoingmail_unsent")]

    def __str__(self):
        return self.key
