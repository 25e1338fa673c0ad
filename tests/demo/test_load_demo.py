import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from engagement.cities.models import CityPage
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
