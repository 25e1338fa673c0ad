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


def test_production_settings_force_demo_mode_off():
    import importlib
    import os

    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "example.org")
    production = importlib.import_module("engagement.settings.production")
    assert production.DEMO_MODE is False
