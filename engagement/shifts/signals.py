"""An offer's page shows each shift's free places: every change of a shift or a booking refreshes it
(engagement/operations/pagecache.py invalidates after the commit)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from engagement.operations.pagecache import invalidate, page_tag

from .models import Shift, ShiftBooking


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
