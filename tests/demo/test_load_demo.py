import datetime as dt
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from engagement.cities.models import CityPage
from engagement.demo import content
from engagement.demo.points import demo_point
from engagement.geo.distance import distance_km
from engagement.geo.geocoders import OfflineGeocoder
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Membership, Organisation
from engagement.taxonomy.models import Category

pytestmark = pytest.mark.django_db


def counts():
    return (
        CityPage.objects.count(),
        Organisation.objects.count(),
        OpportunityPage.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
    )


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)


def test_demo_fills_three_city_stages_with_realistic_content(demo):
    assert sorted(CityPage.objects.values_list("slug", flat=True)) == ["baden-baden", "bretten", "ettlingen"]
    assert Organisation.objects.count() >= 15
    assert set(Organisation.objects.values_list("verification_state", flat=True)) == {
        "pending",
        "verified",
        "suspended",
    }
    opportunities = OpportunityPage.objects.all()
    assert opportunities.count() >= 60
    assert set(opportunities.values_list("schedule_kind", flat=True)) == {"one_off", "regular", "flexible"}
    assert not Category.objects.exclude(opportunities__in=opportunities).exists()  # every topic has offers
    assert opportunities.filter(is_remote=True).exists()
    assert opportunities.filter(recruitment_status="filled").exists()
    listed = OpportunityPage.objects.listed()
    assert 0 < listed.count() < opportunities.count()  # some are over and not shown
    for city in CityPage.objects.all():
        assert listed.filter(city=city).count() >= 15
        for page in opportunities.filter(city=city, is_remote=False):
            assert page.postcode in city.postcode_list
    assert not listed.filter(is_remote=False, latitude__isnull=True).exists()  # all geocoded


def test_demo_offers_with_a_street_stand_at_distinct_points_in_their_town(demo):
    """The demo's approximate street points (engagement/demo/points.py): street-level, within about
    2 km of the town's centre, one point per address (offers at one address share it), the same on
    every load."""
    with_street = OpportunityPage.objects.filter(is_remote=False).exclude(street="")
    assert with_street.count() >= 50
    points, addresses = set(), set()
    for page in with_street:
        assert page.located_at_street, page.title
        centre = OfflineGeocoder().geocode(page.postcode)
        assert (
            0.3 <= distance_km((page.latitude, page.longitude), (centre.latitude, centre.longitude)) <= 2.05
        )
        assert (page.latitude, page.longitude) == demo_point(page.street, page.postcode, page.place)
        assert not page.needs_geocoding  # the geocoding after publishing keeps the point
        points.add((page.latitude, page.longitude))
        addresses.add((page.street, page.postcode, page.place))
    assert len(points) == len(addresses) > 25
    assert not OpportunityPage.objects.filter(is_remote=True, located_at_street=True).exists()


def test_the_demo_shows_street_distances_nearest_first(demo, client):
    html = client.get("/suche/", {"near": "76275", "radius": "5", "sort": "distance"}).content.decode()
    distances = [float(value.replace(",", ".")) for value in re.findall(r"etwa (\d+,\d) km entfernt", html)]
    assert len(distances) >= 10
    assert distances == sorted(distances)
    assert len(set(distances)) >= 5  # real differences, not one town centre for all
    assert "etwa 0,0 km" not in html and "in Ettlingen, etwa" not in html


def test_demo_accounts_have_the_right_roles(demo, client):
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    for slug, name in (("bretten", "Bretten"), ("ettlingen", "Ettlingen"), ("baden-baden", "Baden-Baden")):
        editor = User.objects.get(username=f"redaktion-{slug}")
        assert list(editor.groups.values_list("name", flat=True)) == [f"Redaktion {name}"]
        assert not editor.is_superuser
        verein = User.objects.get(username=f"verein-{slug}")
        organisation = verein.organisations.get()
        assert organisation.home_city.slug == slug and organisation.is_verified
    assert client.login(username="redaktion-bretten", password="demo")
    assert client.get("/admin/").status_code == 200


def test_demo_loads_twice_without_duplicates(demo):
    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before


def test_demo_accounts_cannot_exist_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="nur im Demo-Modus"):
        call_command("load_demo", verbosity=0)
    assert not get_user_model().objects.filter(username="admin").exists()
    assert not CityPage.objects.exists()


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "engagement.example.org",
    "DATABASE_URL": "postgres://app@db.internal/engagement",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
    "CACHE_URL": "rediscache://redis.internal:6379/1",
    "WAGTAILADMIN_BASE_URL": "https://engagement.example.org",
}


def load_production_settings(monkeypatch, **env):
    import importlib
    import sys

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("engagement.settings.production", None)
    return importlib.import_module("engagement.settings.production")


def test_production_settings_force_demo_mode_off(monkeypatch):
    production = load_production_settings(monkeypatch, **PRODUCTION_ENV, DEMO_MODE="true")
    assert production.DEMO_MODE is False
    assert production.DEBUG is False
    assert production.TASKS["default"]["BACKEND"] == "engagement.tasks_backend.CeleryTaskBackend"


def test_production_settings_require_a_secret_key(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != "DJANGO_SECRET_KEY"}
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_production_settings(monkeypatch, **env)


def test_demo_urls_spell_umlauts_the_german_way(demo):
    slugs = list(OpportunityPage.objects.values_list("slug", flat=True))
    assert any("fuer" in slug for slug in slugs)
    assert not any("-fur-" in slug for slug in slugs)


def test_demo_content_from_the_data_files_is_the_content_it_always_was(demo):
    """The demo moved from a Python literal to data files with defaults in the loader: the same offers."""
    per_city = {
        city.slug: (
            Organisation.objects.filter(home_city=city).count(),
            OpportunityPage.objects.filter(city=city).count(),
        )
        for city in CityPage.objects.all()
    }
    assert per_city == {"baden-baden": (6, 23), "bretten": (6, 23), "ettlingen": (6, 25)}
    schedules = OpportunityPage.objects.values_list("schedule_kind", flat=True)
    assert sorted(Counter(schedules).items()) == [("flexible", 22), ("one_off", 21), ("regular", 28)]
    assert OpportunityPage.objects.filter(waiting_list=True).count() == 1

    sorting_day = OpportunityPage.objects.get(title="Großer Sortiertag nach der Kleidersammlung")
    today = timezone.localdate()
    assert sorting_day.organisation.name == "Gemeinsam satt Baden-Baden e.V."
    assert timezone.localtime(sorting_day.event_start).date() == today + dt.timedelta(days=12)
    assert f"{timezone.localtime(sorting_day.event_start):%H:%M}" == "09:00"
    assert sorting_day.event_end - sorting_day.event_start == dt.timedelta(hours=5)
    assert sorting_day.application_deadline == today + dt.timedelta(days=9)
    assert (sorting_day.street, sorting_day.postcode, sorting_day.place) == (
        "Rheinstraße 120",
        "76532",
        "Baden-Baden-Weststadt",
    )
    assert (sorting_day.volunteers_needed, sorting_day.minimum_age) == (15, 14)
    assert sorted(sorting_day.suitable_for.values_list("slug", flat=True)) == [
        "familien",
        "gruppen",
        "jugendliche",
    ]
    # What the data file leaves out comes from the loader's defaults.
    assert (sorting_day.rhythm, sorting_day.hours_per_week, sorting_day.start_date) == ("", None, None)
    assert (sorting_day.recruitment_status, sorting_day.is_remote, sorting_day.waiting_list) == (
        "open",
        False,
        False,
    )
    assert (sorting_day.offers_insurance, sorting_day.offers_certificate, sorting_day.offers_training) == (
        True,
        False,
        False,
    )
    assert sorting_day.benefits_note == "Verpflegung für alle Helfer:innen"
    assert sorting_day.description.count("<p>") == 3


def test_a_misspelt_key_in_the_demo_content_is_an_error_not_a_default(monkeypatch):
    entry = {**content.opportunities()[0], "barrierfree": True}
    monkeypatch.setattr(content, "_read", lambda name: [entry])
    with pytest.raises(content.DemoContentError, match=r"unknown keys \['barrierfree'\]"):
        content.opportunities()


def test_a_demo_offer_without_a_required_key_is_an_error(monkeypatch):
    entry = content.opportunities()[0]
    del entry["title"]
    monkeypatch.setattr(content, "_read", lambda name: [entry])
    with pytest.raises(content.DemoContentError, match=r"missing \['title'\]"):
        content.opportunities()
