"""Shift bookings in the applicant's Art. 15 download (engagement/applications/extensions.py)."""

from django.utils import timezone

from engagement.applications import extensions

from .services.booking import label


def export_bookings(application) -> list[dict]:
    return [
        {
            "schicht": label(booking.shift),
            "treffpunkt": booking.shift.where,
            "personen": booking.party_size,
            "stand": str(booking.get_state_display()),
            "angemeldet": timezone.localtime(booking.created_at).isoformat(),
            "geaendert": timezone.localtime(booking.changed_at).isoformat(),
        }
        for booking in application.shift_bookings.select_related("shift__opportunity").order_by("created_at")
    ]


def register() -> None:
    extensions.register_export("schichten", export_bookings)
