"""The Verein's shifts: copied from an offer (last year's Stadtfest) onto another, moved by some days."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction

from engagement.opportunities.models import OpportunityPage

from ..models import Shift

COPIED_FIELDS = ("role", "place", "capacity", "requirements", "cancel_hours")


@transaction.atomic
def copy_shifts(*, source: OpportunityPage, target: OpportunityPage, days: int, by) -> list[Shift]:
    """Every shift of `source` as a new shift of `target`, `days` later (bookings stay behind).

    Both offers must belong to organisations of `by`.
    """
    own = OpportunityPage.objects.of_member(by)
    if not own.filter(pk=source.pk).exists() or not own.filter(pk=target.pk).exists():
        raise PermissionDenied
    offset = dt.timedelta(days=days)
    copies = [
        Shift(
            opportunity=target,
            starts_at=shift.starts_at + offset,
            ends_at=shift.ends_at + offset,
            **{name: getattr(shift, name) for name in COPIED_FIELDS},
        )
        for shift in Shift.objects.filter(opportunity=source)
    ]
    # One by one, not in bulk: each save tells the page cache that the offer's page changed.
    for shift in copies:
        shift.save()
    return copies
