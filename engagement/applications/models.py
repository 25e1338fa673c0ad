import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

from .consent import CONSENT_VERSION  # noqa: F401  (the version new applications record)


def new_access_token() -> str:
    """An opaque random token (256 bits) for a link that opens one application without an account."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What the database keeps of a token. A plain SHA-256 suffices: the token is 256 random bits, so no
    list of guesses can find it from its hash (a slow password hash would only slow every lookup)."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApplicationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def visible_to(self, user):
        """Applicants' data is for the members of the organisation applied to, and nobody else —
        not city editors, not administrators browsing, not other organisations."""
        if not user.is_authenticated:
            return self.none()
        return (
            self.confirmed()
            # Confirmed means both opt-ins for a minor (confirmed_at waits for the parent); said twice,
            # because a minor's application must never reach the organisation without it.
            .exclude(is_minor=True, guardian_consent_given_at__isnull=True)
            .filter(opportunity__organisation__in=Organisation.objects.of_member(user))
        )

    def with_token(self, token: str, purpose: str, issued_after=None):
        """The application a link's token opens, found by the token's hash (the token is stored nowhere)."""
        match = {"tokens__token_hash": hash_token(token), "tokens__purpose": purpose}
        if issued_after is not None:
            match["tokens__created_at__gte"] = issued_after
        return self.filter(**match)


class Application(models.Model):
    """A citizen's application to one opportunity. No account: a private link gives access."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Eingegangen")
        ACCEPTED = "accepted", _("Zugesagt")
        DECLINED = "declined", _("Abgesagt")
        WITHDRAWN = "withdrawn", _("Zurückgezogen")
        # Closed by the platform after a period without activity (services/inactivity.py).
        EXPIRED = "expired", _("Geschlossen")

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
    # The applicant confirmed their own address (first opt-in).
    applicant_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Complete: the organisation sees it. For a minor, only after a parent or guardian confirmed too.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Under 18: a parent or guardian confirms by a link of their own before the organisation sees it.
    is_minor = models.BooleanField(_("Unter 18"), default=False)
    guardian_email = models.EmailField(_("E-Mail-Adresse eines Elternteils"), blank=True)
    guardian_asked_at = models.DateTimeField(null=True, blank=True)
    guardian_consent_version = models.CharField(max_length=20, blank=True)
    guardian_consent_given_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The last sign of life of an open application: its confirmation, a status change, or the
    # organisation keeping it open. Open applications without one for a while are closed.
    last_activity_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # When the organisation was told that the application will close (reset by any activity).
    closing_notice_at = models.DateTimeField(null=True, blank=True)
    # The Verein's first answer (a status change or a message): services/replies.py sets it, nowhere else.
    answered_at = models.DateTimeField(null=True, blank=True)
    # The city's reply promise for this application, fixed when it was confirmed (services/replies.py).
    reply_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # How many reminders of the reply promise the organisation got, and when the applicant was told
    # that the promise passed without an answer.
    reply_reminders_sent = models.PositiveSmallIntegerField(default=0)
    reply_overdue_notice_at = models.DateTimeField(null=True, blank=True)
    # The language the applicant applied in: their mails are written in it.
    language = models.CharField(max_length=8, default="de")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Erasing an application (Art. 17, retention) takes its mails with it, sent or not.
    mails = GenericRelation("mail.OutgoingMail")

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

    @property
    def is_answered(self):
        return self.answered_at is not None

    @property
    def waits_for_guardian(self):
        return self.is_minor and self.guardian_consent_given_at is None

    @property
    def is_final(self):
        """Nobody moves it any more: the applicant withdrew, or it closed without activity."""
        return self.status in (self.Status.WITHDRAWN, self.Status.EXPIRED)


class AccessToken(models.Model):
    """A link into one application without an account: the applicant's status link or the confirmation
    link of the double opt-in. Only the token's hash is stored; every mail that carries a link gets a
    token of its own, and every token stays valid until the application is deleted (confirmation
    tokens: for CONFIRM_MAX_AGE)."""

    class Purpose(models.TextChoices):
        STATUS = "status", _("Status-Link")
        CONFIRM = "confirm", _("Bestätigung")
        GUARDIAN = "guardian", _("Bestätigung der Eltern")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="tokens")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Zugangs-Token")
        verbose_name_plural = _("Zugangs-Tokens")

    def __str__(self):
        return f"{self.application_id}: {self.purpose}"

    @classmethod
    def issue(cls, application: Application, purpose: str) -> str:
        """A new random token for `application`; returns the token itself, which is stored nowhere."""
        token = new_access_token()
        cls.objects.create(application=application, purpose=purpose, token_hash=hash_token(token))
        return token

    @classmethod
    def lookup(cls, token: str, purpose: str):
        """The tokens matching `token` (at most one), found by the hash alone."""
        return cls.objects.filter(token_hash=hash_token(token), purpose=purpose)


class StatusChange(models.Model):
    """Every change of an application's status: from, to, who (empty: the applicant), when, message.

    A message of the organisation without a change of status is recorded the same way, with from and to
    the same status (`is_message_only`)."""

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

    @property
    def is_message_only(self):
        return self.from_status == self.to_status
