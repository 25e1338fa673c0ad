"""Each change refreshes exactly the cached pages that show it, and leaves the others cached: publish,
unpublish, moderation, an organisation's state and profile, capacity, and the passing of time."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import WorkflowState

from engagement.applications.models import Application
from engagement.applications.services.status import change_status
from engagement.operations import pagecache
from engagement.opportunities import lifecycle, listings
from engagement.opportunities.cache_tags import offers_in_city
from engagement.organisations.models import Organisation
from engagement.organisations.services import change_verification_state
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


def queries_for(path):
    """Queries an anonymous visitor's request for `path` costs (0: answered from the cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    return len(queries), response


def html(path):
    return Client().get(path).content.decode()


def cached(path):
    return queries_for(path)[0] == 0


@pytest.fixture
def world(bretten, ettlingen, verein_bretten):
    verein_ettlingen = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    return {
        "reading": make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim"),
        "garden": make_opportunity(organisation=verein_ettlingen, title="Gartenpflege am Schloss"),
        "verein_bretten": verein_bretten,
        "verein_ettlingen": verein_ettlingen,
    }


def visit(*paths):
    for path in paths:
        assert Client().get(path).status_code == 200, path
        assert cached(path), path


def test_publishing_an_offer_refreshes_its_city_the_portal_search_and_api_not_another_city(world):
    garden, verein_ettlingen = world["garden"], world["verein_ettlingen"]
    ettlingen_profile = f"/organisationen/{verein_ettlingen.slug}/"
    visit("/", "/bretten/", "/ettlingen/", "/suche/?q=Kochen", "/api/v2/opportunities/", ettlingen_profile)
    visit(garden.url)

    make_opportunity(organisation=world["verein_bretten"], title="Kochen für die Tafel")

    for path in ("/", "/bretten/", "/suche/?q=Kochen", "/api/v2/opportunities/"):
        assert "Kochen für die Tafel" in html(path), path
    assert cached("/ettlingen/")
    assert cached(ettlingen_profile)


def test_unpublishing_takes_the_offer_off_its_page_its_city_and_the_search(world):
    reading = world["reading"]
    visit(reading.url, "/bretten/", "/ettlingen/", "/suche/?q=Vorlesen")

    lifecycle.end(page=reading, user=None)

    assert Client().get(reading.url).status_code == 404
    assert "Vorlesen im Seniorenheim" not in html("/bretten/")
    assert "Vorlesen im Seniorenheim" not in html("/suche/?q=Vorlesen")
    assert cached("/ettlingen/")


def test_moderation_keeps_the_live_page_until_the_city_approves(world):
    reading, verein = world["reading"], world["verein_bretten"]
    member = MembershipFactory(organisation=verein, user=UserFactory()).user
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    visit(reading.url, "/bretten/", "/ettlingen/")

    data = {"title": "Vorlesen am Abend"}
    lifecycle.update_draft(page=reading, user=member, data=data)
    lifecycle.submit_for_moderation(page=reading, user=member)
    assert cached(reading.url)  # a draft in moderation changes nothing a visitor sees
    assert cached("/bretten/")

    state = WorkflowState.objects.get(object_id=str(reading.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")

    assert "Vorlesen am Abend" in html(reading.url)
    assert "Vorlesen am Abend" in html("/bretten/")
    assert cached("/ettlingen/")


def test_a_rejected_change_leaves_the_cached_pages_as_they_are(world):
    reading, verein = world["reading"], world["verein_bretten"]
    member = MembershipFactory(organisation=verein, user=UserFactory()).user
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    lifecycle.update_draft(page=reading, user=member, data={"title": "Vorlesen am Abend"})
    lifecycle.submit_for_moderation(page=reading, user=member)
    visit(reading.url, "/bretten/")

    state = WorkflowState.objects.get(object_id=str(reading.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Bitte genauer.")

    assert cached(reading.url) and cached("/bretten/")
    assert "Vorlesen im Seniorenheim" in html(reading.url)


def test_suspending_an_organisation_takes_its_offers_off_every_page_showing_them(world, superuser):
    reading, verein = world["reading"], world["verein_bretten"]
    profile = f"/organisationen/{verein.slug}/"
    other_profile = f"/organisationen/{world['verein_ettlingen'].slug}/"
    visit(reading.url, "/bretten/", "/", profile, "/ettlingen/", other_profile)

    change_verification_state(verein, Organisation.VerificationState.SUSPENDED, by=superuser)

    assert Client().get(reading.url).status_code == 404
    assert Client().get(profile).status_code == 404
    assert "Vorlesen im Seniorenheim" not in html("/bretten/")
    assert "Vorlesen im Seniorenheim" not in html("/")
    assert cached("/ettlingen/")
    assert cached(other_profile)


def test_an_organisations_new_name_shows_on_its_profile_and_offers(world):
    reading, verein = world["reading"], world["verein_bretten"]
    profile = f"/organisationen/{verein.slug}/"
    visit(reading.url, profile, "/ettlingen/")

    verein.name = "Lesefreunde Bretten e. V."
    verein.save()

    assert "Lesefreunde Bretten e. V." in html(reading.url)
    assert "Lesefreunde Bretten e. V." in html(profile)
    assert cached("/ettlingen/")


def test_pausing_and_filling_up_change_the_offer_page_at_once(world):
    reading, verein = world["reading"], world["verein_bretten"]
    member = MembershipFactory(organisation=verein, user=UserFactory()).user
    visit(reading.url, "/ettlingen/")
    assert 'action="/bewerben/' in html(reading.url)

    lifecycle.pause(page=reading, user=member)
    assert 'action="/bewerben/' not in html(reading.url)
    assert "Keine Bewerbung möglich" in html(reading.url)

    lifecycle.resume(page=reading, user=member)
    assert 'action="/bewerben/' in html(reading.url)

    # Accepting as many volunteers as needed fills it up; a waiting list then still takes applications.
    reading.waiting_list = True
    reading.volunteers_needed = 1
    reading.save_revision().publish()
    application = Application.objects.create(
        opportunity=reading,
        name="Mia Kraus",
        email="mia@example.org",
        message="Gern.",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    visit(reading.url)
    change_status(application, Application.Status.ACCEPTED, by=member)
    page = html(reading.url)
    assert "Alle Plätze vergeben" in page and "Warteliste offen" in page
    assert cached("/ettlingen/")


def test_an_offer_whose_deadline_passes_leaves_the_lists_at_midnight(bretten, verein_bretten):
    with freeze_time("2026-03-10 22:30:00+00:00") as frozen:  # 23:30 in Berlin
        today = timezone.localdate()
        make_opportunity(organisation=verein_bretten, title="Letzter Tag", application_deadline=today)
        assert "Letzter Tag" in html("/bretten/")
        frozen.move_to("2026-03-10 22:38:00+00:00")
        assert cached("/bretten/")

        frozen.move_to("2026-03-10 23:05:00+00:00")  # 00:05 the next day
        assert "Letzter Tag" not in html("/bretten/")


def test_a_one_off_date_that_passes_leaves_the_lists_at_that_moment(bretten, verein_bretten):
    with freeze_time("2026-03-10 11:45:00+00:00") as frozen:
        noon = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)
        make_opportunity(
            organisation=verein_bretten,
            title="Stadtputz",
            schedule_kind="one_off",
            event_start=noon - dt.timedelta(hours=2),
            event_end=noon,
            rhythm="",
        )
        assert "Stadtputz" in html("/bretten/")
        frozen.move_to("2026-03-10 11:52:00+00:00")
        assert cached("/bretten/")

        frozen.move_to("2026-03-10 12:01:00+00:00")
        assert "Stadtputz" not in html("/bretten/")


def test_a_page_rendered_while_a_change_commits_is_not_kept(world, monkeypatch):
    """The old data read before the change, stored after it: the next visitor must not get it."""
    render = listings.city_listings

    def render_while_changing(city, page_number):
        result = render(city, page_number)
        pagecache.invalidate_now({offers_in_city(city.pk)})
        return result

    monkeypatch.setattr(listings, "city_listings", render_while_changing)
    Client().get("/bretten/")
    monkeypatch.setattr(listings, "city_listings", render)
    assert not cached("/bretten/")
    assert cached("/bretten/")
