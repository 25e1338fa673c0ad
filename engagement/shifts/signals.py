"""An offer's page shows each shift's free places: every change of a shift or a booking refreshes it
(engagement/operations/pagecache.py invalidates after the commit). A booking deleted with its
application (erasure by the person, retention) frees its places for the waiting list too."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from engagement.operations.pagecache import invalidate, page_tag

from .models import Shift, ShiftBooking
from .services.booking import promote_waiting


@receiver(post_save, sender=Shift, dispatch_uid="pagecache_shift_saved")
@receiver(post_delete, sender=Shift, dispatch_uid="pagecache_shift_deleted")
def _shift_changed(instance, **kwargs):
    invalidate({page_tag(instance.opportunity_id)})


@receiver(post_save, sender=ShiftBooking, dispatch_uid="pagecache_booking_saved")
@receiver(post_delete, sender=ShiftBooking, dispatch_uid="pagecache_booking_deleted")
def _booking_changed(instance, **kwargs):
    opportunity_id = (
        Shift.objects.filter(pk=instance.shift_id).values_list("opportunity_id", flat=True).first()
    )
    if opportunity_id is not None:
        invalidate({page_tag(opportunity_id)})


@receiver(post_delete, sender=ShiftBooking, dispatch_uid="shifts_booking_deleted_frees_places")
def _booked_places_freed(instance, **kwargs):
    if instance.state == ShiftBooking.State.BOOKED:
        transaction.on_commit(partial(_promote_after_deletion, instance.shift_id))


def _promote_after_deletion(shift_id):
    with transaction.atomic():
        shift = Shift.objects.upcoming().filter(pk=shift_id).first()
        if shift is not None:  # not when the shift itself went, or is over
            promote_waiting(shift)
