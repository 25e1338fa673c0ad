import logging

from celery import shared_task
from django.conf import settings

from engagement.geo.geocoders import GeocodingError, get_geocoder

from . import stats

# The freshness sweep lives beside its rules; importing it here lets celery's autodiscovery register it.
from .freshness import (  # noqa: F401
    send_freshness_reminder,
    sweep_freshness,
    take_expired_offline,
    take_stale_offline,
)
from .models import OpportunityPage

logger = logging.getLogger(__name__)


@shared_task(
    name="opportunities.geocode_opportunity",
    acks_late=True,
    autoretry_for=(GeocodingError,),
    retry_backoff=settings.GEOCODING_RETRY_BACKOFF_SECONDS,
    retry_backoff_max=3600,
    retry_jitter=settings.GEOCODING_RETRY_JITTER,
    max_retries=8,
)
def geocode_opportunity(page_id: int) -> str:
    """Fill in the coordinates of a published opportunity's location.

    Idempotent: an opportunity whose current location was already geocoded is left alone. A place the
    geocoder does not know leaves the coordinates empty (the opportunity stays online, just without
    distance); a failing geocoding service is retried with backoff.
    """
    page = (
        OpportunityPage.objects.filter(pk=page_id)
        .only("is_remote", "street", "postcode", "place", "geocoded_location")
        .first()
    )
    if page is None or not page.needs_geocoding:
        return "unchanged"
    query = page.location_query
    location = get_geocoder().geocode(query)
    street_level = location is not None and location.street_level
    if location is None:
        # Fall back to the postcode alone: the street may be misspelt, the postcode rarely is.
        location = get_geocoder().geocode(page.postcode) if page.postcode else None
    if location is None:
        logger.warning("Ort von Angebot %s nicht gefunden: %r", page_id, query)
        OpportunityPage.objects.filter(pk=page_id).update(
            latitude=None, longitude=None, located_at_street=False, geocoded_location=query
        )
        return "not_found"
    # A direct update: coordinates are derived data and must not create a new page revision.
    OpportunityPage.objects.filter(pk=page_id).update(
        latitude=location.latitude,
        longitude=location.longitude,
        located_at_street=street_level,
        geocoded_location=query,
    )
    return "geocoded"


@shared_task(name="opportunities.geocode_pending_opportunities", acks_late=True)
def geocode_pending_opportunities() -> int:
    """Periodic: enqueue geocoding for every live opportunity whose location is not geocoded yet.

    Catches what a publish could not enqueue (broker away) and what ran out of retries while the
    geocoding service was down. Idempotent: geocode_opportunity skips what is already done.
    """
    pending = [
        page.pk
        for page in OpportunityPage.objects.live()
        .filter(is_remote=False)
        .only("is_remote", "street", "postcode", "place", "geocoded_location")
        .iterator(chunk_size=2000)
        if page.needs_geocoding
    ]
    for page_id in pending:
        geocode_opportunity.delay(page_id)
    return len(pending)


@shared_task(name="opportunities.recount_listed_opportunities")
def recount_listed_opportunities() -> None:
    """Recompute the portal's maintained counts exactly (repairs drift; safe to run any time)."""
    stats.recount_listed()
