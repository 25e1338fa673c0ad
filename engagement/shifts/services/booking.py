"""Signing up for shifts on the application flow, cancelling through the private link, and the waiting
list moving up when a place is freed.

A sign-up is an application (engagement/applications/services/applying.py: rate limits, honeypot, consent
record, double opt-in, merge of duplicates) plus one ShiftBooking per chosen shift. Places are held from
the sign-up on; an unconfirmed sign-up is deleted with its application after 7 days (retention).
Capacity holds under parallel sign-ups: the shifts' rows are locked (in id order, so two sign-ups for
the same shifts never wait on each other crosswise) before their places are counted.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.applications import services as applications
from engagement.applications.models import Application
from engagement.applications.services.links import absolute, status_link
from engagement.formatting import local_period
from engagement.opportunities.models import OpportunityPage

from ..mails import mail_members, mail_person
from ..models import MAX_PARTY_SIZE, Shift, ShiftBooking

State = ShiftBooking.State


@dataclass
class SignUp:
    """What a sign-up did: the application (None for a bot) and the shifts booked or waited for."""

    application: Application | None
    booked: list[Shift] = field(default_factory=list)
    waiting: list[Shift] = field(default_factory=list)


def clash_errors(shifts) -> list[str]:
    """A German message for every pair of chosen shifts that overlap in time."""
    shifts = sorted(shifts, key=lambda shift: shift.starts_at)
    return [
        _("Die Schichten „%(first)s“ und „%(second)s“ überschneiden sich. Bitte wählen Sie nur eine davon.")
        % {"first": label(first), "second": label(second)}
        for index, first in enumerate(shifts)
        for second in shifts[index + 1 :]
        if first.overlaps(second)
    ]


def label(shift: Shift) -> str:
    """ "Aufbau, Sa., 14. März 2026, 08:00 bis 11:00 Uhr" """
    period = local_period(shift.starts_at, shift.ends_at)
    return f"{shift.role}, {period}" if shift.role else period


@transaction.atomic
def sign_up(
    *, opportunity: OpportunityPage, client_address: str, data: dict, shifts, party_size: int = 1
) -> SignUp:
    """Apply for `opportunity` and hold `party_size` places on each of `shifts` (or a place on its waiting
    list when fewer are free). Raises ValidationError for clashing, past or foreign shifts (nothing is
    stored, no mail goes), RateLimited past the application limits.

    A sign-up with an address whose application is confirmed already books nothing: whoever typed the
    address has not proven it is theirs. Its owner gets the status link (applying.apply does that).
    """
    shifts = list(shifts)
    if not shifts:
        raise ValidationError(_("Bitte wählen Sie mindestens eine Schicht."))
    if not 1 <= party_size <= MAX_PARTY_SIZE:
        raise ValidationError(
            _("Sie können höchstens %(count)s Personen auf einmal anmelden.") % {"count": MAX_PARTY_SIZE}
        )
    now = timezone.now()
    if any(shift.opportunity_id != opportunity.pk or shift.starts_at <= now for shift in shifts):
        raise ValidationError(_("Diese Schicht gibt es nicht mehr. Bitte wählen Sie erneut."))
    clashes = clash_errors(shifts)
    if clashes:
        raise ValidationError(clashes)
    application = applications.apply(opportunity=opportunity, client_address=client_address, data=data)
    result = SignUp(application)
    if application is None or application.confirmed_at is not None:
        return result
    # An unconfirmed sign-up sent again replaces what it chose before.
    ShiftBooking.objects.filter(application=application).delete()
    locked = list(Shift.objects.select_for_update().filter(pk__in=[s.pk for s in shifts]).order_by("pk"))
    booked = _booked_places(locked)
    for shift in locked:
        free = shift.capacity - booked.get(shift.pk, 0)
        state = State.BOOKED if party_size <= free else State.WAITING
        ShiftBooking.objects.create(shift=shift, application=application, party_size=party_size, state=state)
        (result.booked if state == State.BOOKED else result.waiting).append(shift)
    return result


def _booked_places(shifts) -> dict[int, int]:
    rows = (
        ShiftBooking.objects.filter(shift__in=shifts, state=State.BOOKED)
        .values("shift")
        .annotate(places=Sum("party_size"))
    )
    return {row["shift"]: row["places"] for row in rows}


@transaction.atomic
def cancel(application: Application, booking_ids=None) -> list[ShiftBooking]:
    """The signed-up person cancels some of their shifts (`booking_ids`) or all (None), each until its
    deadline. Freed places go to the waiting list; the Verein hears of it. Cancelling every shift
    withdraws the application. Raises ValidationError when a chosen shift's deadline has passed."""
    bookings = list(
        ShiftBooking.objects.active()
        .select_for_update(of=("self",))
        .filter(application=application)
        .select_related("shift")
    )
    if booking_ids is not None:
        wanted = {int(pk) for pk in booking_ids}
        bookings = [booking for booking in bookings if booking.pk in wanted]
        late = [booking for booking in bookings if not booking.shift.can_cancel()]
        if late:
            raise ValidationError(
                _(
                    "Für „%(shift)s“ ist die Frist zum Absagen vorbei. Bitte sagen Sie der Organisation "
                    "direkt Bescheid."
                )
                % {"shift": label(late[0].shift)}
            )
    else:
        bookings = [booking for booking in bookings if booking.shift.can_cancel()]
    for booking in bookings:
        was_booked = booking.state == State.BOOKED
        booking.state = State.CANCELLED
        booking.save(update_fields=["state", "changed_at"])
        if was_booked:
            promote_waiting(booking.shift)
    if bookings and application.confirmed_at is not None:
        _tell_organisation(application, bookings)
        if not ShiftBooking.objects.active().filter(application=application).exists():
            application.refresh_from_db()
            if application.is_open:
                applications.change_status(application, Application.Status.WITHDRAWN)
    return bookings


def _tell_organisation(application, bookings):
    page = application.opportunity
    mail_members(
        page.organisation,
        f"shift-cancelled:{bookings[0].pk}:{bookings[0].changed_at.timestamp()}",
        "cancelled",
        {
            "page": page,
            "city": page.city,
            "shifts": [label(booking.shift) for booking in bookings],
            "url": absolute(reverse("dashboard:shifts", args=[page.pk])),
        },
    )


def promote_waiting(shift: Shift) -> list[ShiftBooking]:
    """Freed places go to the waiting list, first come first served (a group that does not fit lets the
    next one in); each person moved up gets a mail. Only confirmed sign-ups move up."""
    shift = (
        Shift.objects.select_for_update(of=("self",))
        .select_related("opportunity", "opportunity__city")
        .get(pk=shift.pk)
    )
    free = shift.capacity - _booked_places([shift]).get(shift.pk, 0)
    promoted = []
    waiting = (
        ShiftBooking.objects.filter(shift=shift, state=State.WAITING, application__confirmed_at__isnull=False)
        .select_related("application")
        .order_by("created_at", "pk")
    )
    for booking in waiting:
        if free <= 0:
            break
        if booking.party_size > free:
            continue
        booking.state = State.BOOKED
        booking.save(update_fields=["state", "changed_at"])
        free -= booking.party_size
        promoted.append(booking)
        page = shift.opportunity
        mail_person(
            booking.application,
            f"shift-promoted:{booking.pk}",
            "promoted",
            {
                "application": booking.application,
                "page": page,
                "city": page.city,
                "shift": label(shift),
                "where": shift.where,
                "party_size": booking.party_size,
                "status_url": status_link(booking.application),
            },
        )
    return promoted


@transaction.atomic
def add_shifts(application: Application, shifts) -> SignUp:
    """A confirmed person adds further shifts of the same offer from their status link, with the party size
    of their sign-up and the same rules: no past or foreign shifts, no clash with each other or with the
    shifts they hold, a full shift puts them on its waiting list. Raises ValidationError (nothing stored)."""
    shifts = list(shifts)
    if application.confirmed_at is None or not application.is_open:
        raise ValidationError(_("Zu dieser Anmeldung lassen sich keine Schichten mehr hinzufügen."))
    if not shifts:
        raise ValidationError(_("Bitte wählen Sie mindestens eine Schicht."))
    now = timezone.now()
    if any(shift.opportunity_id != application.opportunity_id or shift.starts_at <= now for shift in shifts):
        raise ValidationError(_("Diese Schicht gibt es nicht mehr. Bitte wählen Sie erneut."))
    held = list(
        ShiftBooking.objects.active()
        .select_for_update(of=("self",))
        .filter(application=application)
        .select_related("shift")
    )
    if {booking.shift_id for booking in held} & {shift.pk for shift in shifts}:
        raise ValidationError(_("Für diese Schicht sind Sie schon angemeldet."))
    clashes = clash_errors([*shifts, *(booking.shift for booking in held)])
    if clashes:
        raise ValidationError(clashes)
    party_size = max((booking.party_size for booking in held), default=None) or (
        ShiftBooking.objects.filter(application=application)
        .order_by("-created_at")
        .values_list("party_size", flat=True)
        .first()
        or 1
    )
    result = SignUp(application)
    locked = list(Shift.objects.select_for_update().filter(pk__in=[s.pk for s in shifts]).order_by("pk"))
    booked = _booked_places(locked)
    for shift in locked:
        free = shift.capacity - booked.get(shift.pk, 0)
        state = State.BOOKED if party_size <= free else State.WAITING
        ShiftBooking.objects.create(shift=shift, application=application, party_size=party_size, state=state)
        (result.booked if state == State.BOOKED else result.waiting).append(shift)
    return result
