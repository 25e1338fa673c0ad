from django.db import transaction
from django.dispatch import receiver
from django_tasks.backends.immediate import ImmediateBackend
from modelsearch.index import insert_or_update_object
from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published

# Registers receivers: search columns, cached counts and lists, the page cache's invalidation.
from . import listings, page_cache, search_columns, stats  # noqa: F401
from .models import OpportunityPage
from .tasks import geocode_opportunity


@receiver(page_published, sender=OpportunityPage)
def geocode_after_publish(sender, instance, **kwargs):
    """Publishing never waits for, nor fails because of, geocoding: it runs after the commit."""
    if instance.needs_geocoding:
        page_id = instance.pk
        transaction.on_commit(lambda: geocode_opportunity.delay(page_id))


@receiver(page_published, sender=OpportunityPage, dispatch_uid="index_offer_with_categories")
def index_with_categories(sender, instance, **kwargs):
    """Index the published offer once more, now that its categories are stored.

    The search index is updated from `post_save`, which fires inside the page's save() before
    modelcluster commits the page's categories. With celery the task runs after the commit and reads
    them; the inline backend (tests, the embedded default) ran it already, so a freshly published
    offer would not be found by its topics' words until it was indexed again.
    """
    if isinstance(insert_or_update_object_task.get_backend(), ImmediateBackend):
        insert_or_update_object(instance)
