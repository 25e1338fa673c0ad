from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from engagement.operations.pagecache import PAGE_BOOKKEEPING_FIELDS, SITE, invalidate

from .models import CityPage


@receiver(page_published, sender=CityPage, dispatch_uid="pagecache_city_published")
@receiver(page_unpublished, sender=CityPage, dispatch_uid="pagecache_city_unpublished")
@receiver(post_delete, sender=CityPage, dispatch_uid="pagecache_city_deleted")
@receiver(post_save, sender=CityPage, dispatch_uid="pagecache_city_saved")
def refresh_every_page(update_fields=None, **kwargs):
    """Every page names the cities (navigation, footer) and a city's pages wear its name, logo and
    colour: a city's change refreshes the whole page cache."""
    if update_fields and PAGE_BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    invalidate({SITE})
