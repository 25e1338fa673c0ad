"""When cached pages showing needs go stale: publish, unpublish, deletion, a saved live row, a loan."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from engagement.operations.pagecache import PAGE_BOOKKEEPING_FIELDS, invalidate

from .cache_tags import need_tags
from .models import Loan, NeedPage


def need_changed(page):
    """Call after a change that bypasses the model's signals (a queryset `update`)."""
    invalidate(need_tags(page))


@receiver(page_published, sender=NeedPage, dispatch_uid="pagecache_need_published")
@receiver(page_unpublished, sender=NeedPage, dispatch_uid="pagecache_need_unpublished")
@receiver(post_delete, sender=NeedPage, dispatch_uid="pagecache_need_deleted")
def _need_published_or_gone(instance, **kwargs):
    need_changed(instance)


@receiver(post_save, sender=NeedPage, dispatch_uid="pagecache_need_saved")
def _need_saved(instance, update_fields=None, **kwargs):
    if update_fields and PAGE_BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    if instance.live:
        need_changed(instance)


@receiver(post_save, sender=Loan, dispatch_uid="pagecache_loan_saved")
@receiver(post_delete, sender=Loan, dispatch_uid="pagecache_loan_deleted")
def _loan_changed(instance, **kwargs):
    need_changed(instance.need)
