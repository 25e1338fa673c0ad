import math

import pytest
from geopy.exc import GeocoderUnavailable
from geopy.geocoders import Nominatim, Photon

from engagement.geo.distance import bounding_box, distance_km
from engagement.geo.geocoders import (
    GeocodingError,
    GeopyGeocoder,
    Location,
    OfflineGeocoder,
    address_query,
    get_geocoder,
)


@pytest.fixture
def offline():
    return OfflineGeocoder()


def test_postcode_resolves_offline(offline):
    location = offline.geocode("76275")
    assert location.latitude == pytest.approx(48.93, abs=0.03)
    assert location.longitude == pytest.approx(8.41, abs=0.03)


def test_full_address_uses_its_postcode(offline):
    location = offline.geocode(address_query("Marktplatz 1", "75015", "Bretten"))
    assert location.latitude == pytest.approx(49.04, abs=0.05)


def test_place_name_resolves_offline(offline):
    location = offline.geocode("Ettlingen")
    assert location.label == "Ettlingen"
    assert distance_km((location.latitude, location.longitude), (48.94, 8.41)) < 3


def test_district_name_falls_back_to_its_town(offline):
    location = offline.geocode("Baden-Baden")
    assert location.label == "Baden-Baden"
    assert offline.geocode("Bretten-Neibsheim") is not None


def test_unknown_place_returns_none_with_suggestions(offline):
    assert offline.geocode("Xyzzyhausen") is None
    assert offline.geocode("") is None
    assert "Ettlingen" in offline.suggest("Etlingen")


def test_unknown_postcode_falls_back_to_the_place(offline):
    assert offline.geocode("00000 Bretten").label == "Bretten"


def test_distances_between_the_three_cities():
    ettlingen, bretten, baden_baden = (
        OfflineGeocoder().geocode(code) for code in ("76275", "75015", "76530")
    )
    as_point = lambda location: (location.latitude, location.longitude)  # noqa: E731
    assert distance_km(as_point(ettlingen), as_point(bretten)) == pytest.approx(25.3, abs=1.5)
    assert distance_km(as_point(ettlingen), as_point(baden_baden)) == pytest.approx(21.8, abs=1.5)


def test_bounding_box_contains_every_point_within_the_radius():
    box = bounding_box(48.93, 8.41, 10)
    # 10 km north, east, south and west of the centre lie inside; 12 km east does not.
    assert box.min_latitude < 48.93 - 10 / 111.32 < box.max_latitude
    assert box.min_longitude < 8.41 - 10 / (111.32 * 0.657) < box.max_longitude
    assert not box.min_longitude < 8.41 + 12 / (111.32 * 0.657) < box.max_longitude


class FakeService:
    """Stands in for geopy's Nominatim/Photon: records queries, answers from a script."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.queries = []

    def geocode(self, query, **kwargs):
        self.queries.append(query)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


class FakeResult:
    latitude, longitude, address = 49.0, 8.7, "Marktplatz, Bretten"
    raw = {}  # as geopy's Location, which always carries the service's answer


def test_online_geocoder_returns_locations(settings):
    settings.GEOCODER_MIN_DELAY_SECONDS = 0
    geocoder = GeopyGeocoder(FakeService([FakeResult()]))
    assert geocoder.geocode("Marktplatz, Bretten") == Location(49.0, 8.7, "Marktplatz, Bretten")


def test_online_geocoder_turns_service_failures_into_retryable_errors(settings):
    settings.GEOCODER_MIN_DELAY_SECONDS = 0
    service = FakeService([GeocoderUnavailable("down")] * 3)
    with pytest.raises(GeocodingError):
        GeopyGeocoder(service).geocode("Bretten")
    assert len(service.queries) == 3  # the rate limiter tried twice more before giving up


def test_geocoder_is_chosen_by_setting(settings):
    settings.GEOCODER_MIN_DELAY_SECONDS = 0
    assert isinstance(get_geocoder(), OfflineGeocoder)
    for kind, service_class in (("nominatim", Nominatim), ("photon", Photon)):
        get_geocoder.cache_clear()
        settings.GEOCODER = kind
        geocoder = get_geocoder()
        assert isinstance(geocoder.service, service_class)
        assert geocoder.service.headers["User-Agent"] == settings.GEOCODER_USER_AGENT
    get_geocoder.cache_clear()
    settings.GEOCODER = "carrier-pigeon"
    with pytest.raises(ValueError, match="Unknown GEOCODER"):
        get_geocoder()


def test_bounding_box_is_at_most_two_percent_wider_than_the_circle_in_every_direction():
    """Found by mutation testing: a box twice as tall as the circle passed the test above."""
    latitude, longitude, radius = 48.93, 8.41, 10
    box = bounding_box(latitude, longitude, radius)
    degrees_north = radius / 111.32
    degrees_east = radius / (111.32 * math.cos(math.radians(latitude)))
    for low, high, centre, degrees in (
        (box.min_latitude, box.max_latitude, latitude, degrees_north),
        (box.min_longitude, box.max_longitude, longitude, degrees_east),
    ):
        assert centre + degrees <= high <= centre + degrees * 1.02
        assert centre - degrees * 1.02 <= low <= centre - degrees
