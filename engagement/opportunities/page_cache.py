"""When the public pages showing offers go stale, for the page cache (engagement/operations/pagecache.py;
the tags are named in cache_tags.py).

An offer's change (publish, unpublish, moderation's approval, a saved live row, its recruitment status)
refreshes its page, its city, its organisation and the region's lists, not another city's page. An
organisation's change (verified, suspended, its profile) refreshes its profile and every list that
shows its offers. Time refreshes the rest: lists end at the next local midnight (deadlines and periods
end by the day) or the next moment a listed one-off date passes or a "Neu" badge goes.
"""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, post_page_move

from engagement.operations.pagecache import PAGE_BOOKKEEPING_FIELDS, SITE, invalidate, next_local_midnight
from engagement.organisations.models import Organisation
from engagement.taxonomy.models import Category

from . import stats
from .cache_tags import OFFERS, offer_tags, offers_in_city, organisation_tag
from .listings import NEW_FOR_DAYS
from .models import OpportunityPage

NEW_FOR = dt.timedelta(days=NEW_FOR_DAYS)
_CHANGE_AT_KEY = "pagecache:listings-change-at"


def listings_change_at():
    """`next_listing_change()`, for a page cache entry; None (nothing to ask) while the page cache is
    off."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return None
    return next_listing_change()


def next_listing_change():
    """The next moment a list of offers changes by time alone: local midnight, or earlier when a
    listed one-off date passes or a "Neu" badge goes. Kept in the cache until an offer changes."""
    now = timezone.now()
    moment = cache.get(_CHANGE_AT_KEY)
    if moment is None or moment <= now:
        listed = OpportunityPage.objects.listed()
        # Two first rows of an index each (the one-off dates' own, first_published_at's), not an
        # aggregate over every listed offer: this runs again after every change of an offer.
        event_over = (
            listed.annotate(over_at=Coalesce("event_end", "event_start"))
            .filter(schedule_kind=OpportunityPage.ScheduleKind.ONE_OFF, over_at__gt=now)
            .order_by("over_at")
            .values_list("over_at", flat=True)
            .first()
        )
        oldest_new = (
            listed.filter(first_published_at__gt=now - NEW_FOR)
            .order_by("first_published_at")
            .values_list("first_published_at", flat=True)
            .first()
        )
        candidates = [next_local_midnight(now)]
        if event_over is not None:
            candidates.append(event_over)
        if oldest_new is not None:
            candidates.append(oldest_new + NEW_FOR)
        moment = min(candidates)
        cache.set(_CHANGE_AT_KEY, moment, max(1, int((moment - now).total_seconds())))
    return moment


def _offers_changed(tags):
    cache.delete(_CHANGE_AT_KEY)
    invalidate(tags)


def opportunity_changed(page):
    """Call after a change that bypasses the model's signals (a queryset `update`)."""
    _offers_changed(offer_tags(page))


@receiver(page_published, sender=OpportunityPage, dispatch_uid="pagecache_offer_published")
@receiver(page_unpublished, sender=OpportunityPage, dispatch_uid="pagecache_offer_unpublished")
@receiver(post_delete, sender=OpportunityPage, dispatch_uid="pagecache_offer_deleted")
def _offer_published_or_gone(instance, **kwargs):
    _offers_changed(offer_tags(instance))


@receiver(post_save, sender=OpportunityPage, dispatch_uid="pagecache_offer_saved")
def _offer_saved(instance, update_fields=None, **kwargs):
    if update_fields and PAGE_BOOKKEEPING_FIELDS.issuperset(update_fields):
        return  # a saved draft or a lock: the live page is as it was
    _offers_changed(offer_tags(instance))


@receiver(post_page_move, dispatch_uid="pagecache_offer_moved")
def _offer_moved(instance, parent_page_before, **kwargs):
    if isinstance(instance.specific, OpportunityPage):
        _offers_changed({*offer_tags(instance.specific), offers_in_city(parent_page_before.pk)})


@receiver(post_save, sender=Organisation, dispatch_uid="pagecache_organisation_saved")
@receiver(post_delete, sender=Organisation, dispatch_uid="pagecache_organisation_deleted")
def _organisation_changed(instance, **kwargs):
    """Its state decides whether its offers are online; its name stands on every card of them."""
    cities = set(
        OpportunityPage.objects.filter(organisation_id=instance.pk)
        .values_list("city_id", flat=True)
        .distinct()
    )
    stats.sync_counts_of_organisation(instance.pk)  # a suspended organisation's offers leave the counts
    _offers_changed(
        {organisation_tag(instance.pk), OFFERS, *(offers_in_city(city) for city in cities if city)}
    )


@receiver(m2m_changed, sender=OpportunityPage.categories.through, dispatch_uid="pagecache_offer_topics")
def _offer_topics_changed(instance, action, reverse, pk_set, **kwargs):
    """Topics set on an offer, or offers added to a topic from the topic's side: both change which
    lists and searches show the offers, without a save of the offer."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _offers_changed(offer_tags(instance))
    else:
        _offers_changed({OFFERS, SITE})


@receiver(post_save, sender=Category, dispatch_uid="pagecache_category_saved")
@receiver(post_delete, sender=Category, dispatch_uid="pagecache_category_deleted")
def _topics_changed(**kwargs):
    invalidate({SITE})
