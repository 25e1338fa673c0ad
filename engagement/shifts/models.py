"""Shifts of an offer (Stadtfest: "Aufbau, Sa 8–11 Uhr, 6 Plätze") and the bookings of them.

A booking belongs to an application (engagement/applications): sign-up, double opt-in, consent, the
private status link and the retention rules are the application's; a booking only says which shift and
for how many people. Deleting the application deletes its bookings.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement.applications.models import Application
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation

MAX_PARTY_SIZE = 20


class ShiftQuerySet(models.QuerySet):
    def of_member(self, user):
        """The shifts of the offers of the user's organisations; nobody else's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(opportunity__organisation__in=Organisation.objects.of_member(user))

    def upcoming(self):
        return self.filter(starts_at__gt=timezone.now())

    def with_places(self):
        """`booked_places` and `waiting_places` (sums of party sizes), in one query however many shifts."""
        return self.annotate(
            booked_places=Coalesce(Sum("bookings__party_size", filter=Q(bookings__state="booked")), 0),
            waiting_places=Coalesce(Sum("bookings__party_size", filter=Q(bookings__state="waiting")), 0),
        )


class Shift(models.Model):
    """One shift of an offer: a time, a place, an optional role, a number of places."""

    opportunity = models.ForeignKey(
        OpportunityPage, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("Angebot")
    )
    role = models.CharField(
        _("Aufgabe"), max_length=80, blank=True, help_text=_("Zum Beispiel „Kasse“ oder „Aufbau“.")
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(
        _("Treffpunkt"), max_length=150, blank=True, help_text=_("Leer lassen: der Ort des Angebots.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("Plätze"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    requirements = models.CharField(_("Voraussetzungen"), max_length=300, blank=True)
    cancel_hours = models.PositiveSmallIntegerField(
        _("Absagen möglich bis (Stunden vorher)"),
        default=24,
        validators=[MaxValueValidator(24 * 30)],
        help_text=_("Bis so viele Stunden vor Beginn können Angemeldete selbst absagen."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShiftQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("Schicht")
        verbose_name_plural = _("Schichten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            )
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{self.role or self.opportunity.title}, {start:%d.%m.%Y %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Das Ende muss nach dem Beginn liegen.")})

    @property
    def cancel_until(self) -> dt.datetime:
        return self.starts_at - dt.timedelta(hours=self.cancel_hours)

    def can_cancel(self, now=None) -> bool:
        return (now or timezone.now()) < self.cancel_until

    def overlaps(self, other) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at

    @property
    def where(self) -> str:
        page = self.opportunity
        return self.place or ", ".join(
            part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part
        )

    @property
    def free_places(self) -> int:
        """Needs `with_places()`."""
        return max(0, self.capacity - self.booked_places)


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Names on a roster are for the members of the offer's organisation only (as applications)."""
        return self.filter(application__in=Application.objects.visible_to(user))

    def active(self):
        return self.filter(state__in=[ShiftBooking.State.BOOKED, ShiftBooking.State.WAITING])


class ShiftBooking(models.Model):
    """One application's place(s) on one shift, or its place on the shift's waiting list."""

    class State(models.TextChoices):
        BOOKED = "booked", _("Angemeldet")
        WAITING = "waiting", _("Warteliste")
        CANCELLED = "cancelled", _("Abgesagt")

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="bookings")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="shift_bookings")
    party_size = models.PositiveSmallIntegerField(
        _("Personen"), default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTY_SIZE)]
    )
    state = models.CharField(_("Stand"), max_length=10, choices=State.choices, default=State.BOOKED)
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Schichtanmeldung")
        verbose_name_plural = _("Schichtanmeldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "application"],
                condition=Q(state__in=["booked", "waiting"]),
                name="shift_booking_one_active_per_application",
            )
        ]

    def __str__(self):
        return f"{self.application_id} → {self.shift_id} ({self.state})"


class ShiftMessage(models.Model):
    """A message of the Verein to everyone of a shift: who wrote what, when, to how many (no addresses)."""

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="messages")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("Betreff"), max_length=150)
    text = models.TextField(_("Nachricht"), max_length=3000)
    recipients = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.shift_id}: {self.subject}"
