import time

import pytest
from celery.contrib.testing.worker import start_worker

from engagement import celery_app
from engagement.geo import geocoders
from engagement.geo.geocoders import GeocodingError, Location
from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.tasks import geocode_opportunity
from tests.factories import make_opportunity


class ScriptedGeocoder(geocoders.Geocoder):
    def __init__(self, *answers):
        self.answers = list(answers)
        self.queries = []

    def geocode(self, query):
        self.queries.append(query)
        answer = self.answers.pop(0) if self.answers else Location(49.03, 8.70)
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def scripted(monkeypatch):
    def install(*answers):
        geocoder = ScriptedGeocoder(*answers)
        monkeypatch.setattr("engagement.opportunities.tasks.get_geocoder", lambda: geocoder)
        return geocoder

    return install


def test_publishing_geocodes_the_location_offline(verein_bretten):
    page = make_opportunity(organisation=verein_bretten, street="Melanchthonstraße 3", postcode="75015")
    page.refresh_from_db()
    assert page.latitude == pytest.approx(49.04, abs=0.05)
    assert page.longitude == pytest.approx(8.70, abs=0.05)
    assert page.geocoded_location == "Melanchthonstraße 3, 75015 Bretten"


def test_geocoding_does_not_create_a_revision(verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    assert page.revisions.count() == 1
    assert not page.has_unpublished_changes


def test_unknown_location_keeps_the_opportunity_online_without_coordinates(verein_bretten, scripted):
    geocoder = scripted(None, None)
    page = make_opportunity(organisation=verein_bretten)
    page.refresh_from_db()
    assert page.live
    assert page.latitude is None
    assert geocoder.queries == ["Marktplatz 1, 75015 Bretten", "75015"]


def test_geocoding_twice_asks_the_geocoder_once(verein_bretten, scripted):
    geocoder = scripted()
    page = make_opportunity(organisation=verein_bretten)
    assert geocode_opportunity(page.pk) == "unchanged"
    assert len(geocoder.queries) == 1


def test_changed_location_is_geocoded_again_on_publish(
    verein_bretten, scripted, django_capture_on_commit_callbacks
):
    geocoder = scripted()
    page = make_opportunity(organisation=verein_bretten)
    page.street = "Pforzheimer Straße 10"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert geocoder.queries == ["Marktplatz 1, 75015 Bretten", "Pforzheimer Straße 10, 75015 Bretten"]


def test_remote_opportunities_are_not_geocoded(verein_bretten, scripted):
    geocoder = scripted()
    page = make_opportunity(organisation=verein_bretten, is_remote=True, postcode="", place="", street="")
    assert geocoder.queries == []
    assert page.latitude is None


@pytest.mark.django_db(transaction=True)
def test_a_failing_geocoder_never_blocks_publishing_and_is_retried_by_the_worker(
    verein_bretten, scripted, settings
):
    """A real celery worker on Redis: the first attempt fails, the retry (after backoff) succeeds."""
    geocoder = scripted(GeocodingError("Dienst nicht erreichbar"), Location(49.0366, 8.7049))
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            page = make_opportunity(organisation=verein_bretten)
            assert OpportunityPage.objects.get(pk=page.pk).live  # published before any geocoding
            for _ in range(100):
                page.refresh_from_db()
                if page.latitude is not None:
                    break
                time.sleep(0.1)
    finally:
        celery_app.conf.task_always_eager = True
    assert page.latitude == pytest.approx(49.0366)
    assert len(geocoder.queries) == 2


def test_only_a_street_address_an_online_geocoder_found_counts_as_located_at_the_street(
    verein_bretten, scripted
):
    page = make_opportunity(organisation=verein_bretten, street="Melanchthonstraße 3", postcode="75015")
    assert not OpportunityPage.objects.get(pk=page.pk).located_at_street  # offline: the postcode's centre

    OpportunityPage.objects.filter(pk=page.pk).update(geocoded_location="")
    scripted(Location(49.0355, 8.7036, "Melanchthonstraße 3, Bretten", street_level=True))
    geocode_opportunity(page.pk)
    assert OpportunityPage.objects.get(pk=page.pk).located_at_street

    # The street was not found, only the postcode: back to the centre, and said so.
    OpportunityPage.objects.filter(pk=page.pk).update(geocoded_location="")
    scripted(None, Location(49.03, 8.70, "75015"))
    geocode_opportunity(page.pk)
    assert not OpportunityPage.objects.get(pk=page.pk).located_at_street


def test_the_online_geocoders_answer_says_whether_it_is_a_street_address():
    from types import SimpleNamespace

    class Service:
        def __init__(self, raw):
            self.raw = raw

        def geocode(self, query, **kwargs):
            return SimpleNamespace(latitude=49.0, longitude=8.7, address=query, raw=self.raw)

    house = geocoders.GeopyGeocoder(Service({"addresstype": "building"})).geocode(
        "Marktplatz 2, 75015 Bretten"
    )
    town = geocoders.GeopyGeocoder(Service({"addresstype": "town"})).geocode("75015 Bretten")
    photon = geocoders.GeopyGeocoder(Service({"properties": {"type": "house"}})).geocode("Marktplatz 2")
    assert house.street_level and photon.street_level and not town.street_level
