"""What the platform tells about shifts: reminders (with .ics) to the people signed up, the Verein's
message to everyone of a shift (their addresses stay hidden: one mail each), and an alert to the Verein
when a shift is still short of people a few days before. All through the outbox, keyed, so a task that
runs twice sends nothing twice."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from engagement.applications.services.links import absolute, status_link
from engagement.ratelimit import hit

from ..calendar import shift_ics
from ..mails import mail_members, mail_person
from ..models import Shift, ShiftBooking, ShiftMessage
from .booking import label

State = ShiftBooking.State


def _booked(shift_filter):
    return (
        ShiftBooking.objects.filter(state=State.BOOKED, application__confirmed_at__isnull=False)
        .filter(shift_filter)
        .select_related(
            "shift",
            "shift__opportunity",
            "shift__opportunity__city",
            "shift__opportunity__organisation",
            "application",
        )
    )


def queue_reminders(now=None) -> int:
    """Every confirmed booking of a shift starting within SHIFT_REMINDER_HOURS gets one reminder."""
    now = now or timezone.now()
    window = dt.timedelta(hours=settings.SHIFT_REMINDER_HOURS)
    queued = 0
    for booking in _booked(Q(shift__starts_at__gt=now, shift__starts_at__lte=now + window)):
        shift, page = booking.shift, booking.shift.opportunity
        with transaction.atomic():
            queued += mail_person(
                booking.application,
                f"shift-reminder:{booking.pk}:{shift.starts_at:%Y%m%d%H%M}",
                "reminder",
                {
                    "application": booking.application,
                    "page": page,
                    "city": page.city,
                    "shift": label(shift),
                    "where": shift.where,
                    "requirements": shift.requirements,
                    "party_size": booking.party_size,
                    "cancel_until": shift.cancel_until if shift.can_cancel(now) else None,
                    "status_url": status_link(booking.application),
                },
                attachments=[("schicht.ics", shift_ics(shift, title=page.title), "text/calendar")],
            )
    return queued


def alert_short_shifts(now=None) -> int:
    """Each shift starting within SHIFT_SHORT_ALERT_DAYS with fewer people than places: one mail to the
    Verein's members (counts only, no names)."""
    now = now or timezone.now()
    window = dt.timedelta(days=settings.SHIFT_SHORT_ALERT_DAYS)
    shifts = (
        Shift.objects.with_places()
        .filter(starts_at__gt=now, starts_at__lte=now + window, opportunity__live=True)
        .select_related("opportunity", "opportunity__city", "opportunity__organisation")
    )
    queued = 0
    for shift in shifts:
        if shift.booked_places >= shift.capacity:
            continue
        page = shift.opportunity
        with transaction.atomic():
            queued += mail_members(
                page.organisation,
                f"shift-short:{shift.pk}:{shift.starts_at:%Y%m%d%H%M}",
                "short",
                {
                    "page": page,
                    "city": page.city,
                    "shift": label(shift),
                    "booked": shift.booked_places,
                    "capacity": shift.capacity,
                    "missing": shift.capacity - shift.booked_places,
                    "url": absolute(reverse("dashboard:shift_roster", args=[shift.pk])),
                },
            )
    return queued


@transaction.atomic
def send_message(shift: Shift, *, by, subject: str, text: str) -> ShiftMessage:
    """The Verein writes to everyone signed up for `shift` (not the waiting list). One mail per person,
    so nobody sees another's address. Raises RateLimited past SHIFT_MESSAGE limits."""
    if not shift.opportunity.organisation.has_member(by):
        raise PermissionDenied
    hit("shift-message", str(by.pk))
    message = ShiftMessage.objects.create(shift=shift, sent_by=by, subject=subject, text=text)
    page = shift.opportunity
    recipients = 0
    for booking in _booked(Q(shift=shift)):
        recipients += mail_person(
            booking.application,
            f"shift-message:{message.pk}:{booking.pk}",
            "message",
            {
                "application": booking.application,
                "page": page,
                "city": page.city,
                "organisation": page.organisation,
                "shift": label(shift),
                "subject": subject,
                "text": text,
                "status_url": status_link(booking.application),
            },
        )
    message.recipients = recipients
    message.save(update_fields=["recipients"])
    return message
