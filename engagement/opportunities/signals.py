from django.db import transaction
from django.dispatch import receiver
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
