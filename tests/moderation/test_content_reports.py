import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from engagement.moderation.models import ContentReport
from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def report_url(page):
    return f"/melden/{page.pk}/"


def test_citizen_reports_an_opportunity_without_an_account(client, bretten):
    page = make_opportunity(city=bretten, title="Seltsames Angebot")
    assert "Inhalt melden" in client.get(report_url(page)).content.decode()
    response = client.post(
        report_url(page), {"reason": "not_volunteering", "message": "Das ist bezahlte Arbeit."}
    )
    assert response.status_code == 200
    assert "Danke für Ihre Meldung" in response.content.decode()
    report = ContentReport.objects.get()
    assert (report.opportunity, report.city, report.status) == (page, bretten, "open")
    # What the citizen chose and wrote is what the editors read (mutation testing: a dropped reason passed).
    assert (report.reason, report.message) == ("not_volunteering", "Das ist bezahlte Arbeit.")


def test_report_without_a_reason_gets_a_german_message_and_stores_nothing(client, bretten):
    page = make_opportunity(city=bretten)
    response = client.post(report_url(page), {"message": "x"})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Grund." in response.content.decode()
    assert not ContentReport.objects.exists()


def test_reports_are_rate_limited_per_address(client, bretten):
    page = make_opportunity(city=bretten)
    for _ in range(5):
        assert client.post(report_url(page), {"reason": "wrong"}).status_code == 200
    response = client.post(report_url(page), {"reason": "wrong"})
    assert response.status_code == 429
    assert "später" in response.content.decode()
    assert ContentReport.objects.count() == 5


def test_honeypot_reports_are_dropped_silently(client, bretten):
    page = make_opportunity(city=bretten)
    response = client.post(report_url(page), {"reason": "wrong", "website": "http://spam.example"})
    assert response.status_code == 200
    assert not ContentReport.objects.exists()


def test_drafts_cannot_be_reported(client, bretten):
    page = make_opportunity(city=bretten, publish=False)
    assert client.get(report_url(page)).status_code == 404


def test_reports_land_in_the_own_citys_queue_only(client, editor, bretten, ettlingen):
    own = ContentReport.objects.create(
        opportunity=make_opportunity(city=bretten, title="Angebot Bretten"), city=bretten, reason="wrong"
    )
    foreign = ContentReport.objects.create(
        opportunity=make_opportunity(city=ettlingen, title="Angebot Ettlingen"),
        city=ettlingen,
        reason="wrong",
    )
    client.force_login(editor)
    html = client.get("/admin/content_reports/").content.decode()
    assert "Angebot Bretten" in html
    assert "Angebot Ettlingen" not in html
    assert client.get(f"/admin/content_reports/edit/{foreign.pk}/").status_code == 404
    assert "1 gemeldeter Inhalt ist offen." in client.get("/admin/").content.decode()

    response = client.post(
        f"/admin/content_reports/edit/{own.pk}/", {"status": "resolved", "editor_note": "Korrigiert"}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == "resolved" and own.resolved_by == editor and own.resolved_at is not None


def test_anonymous_and_verein_members_do_not_see_reports(client, bretten):
    ContentReport.objects.create(opportunity=make_opportunity(city=bretten), city=bretten, reason="wrong")
    assert client.get("/admin/content_reports/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/admin/content_reports/").status_code in (302, 403)


def test_every_opportunity_page_links_to_the_report_form(client, bretten):
    page = make_opportunity(city=bretten)
    assert f'href="/melden/{page.pk}/"' in client.get(page.url).content.decode()


def test_the_service_lets_only_an_editor_of_the_reports_city_resolve_it(bretten, ettlingen, editor):
    from django.core.exceptions import PermissionDenied

    from engagement.moderation.services import resolve_report

    report = ContentReport.objects.create(
        opportunity=make_opportunity(city=ettlingen, title="Angebot Ettlingen"),
        city=ettlingen,
        reason="wrong",
    )
    for outsider in (editor, UserFactory()):  # Bretten's editor; a Verein member
        with pytest.raises(PermissionDenied):
            resolve_report(report, by=outsider, note="erledigt")
        report.refresh_from_db()
        assert report.status == ContentReport.Status.OPEN and report.resolved_by is None

    ettlingen_editor = UserFactory(username="redaktion-ettlingen")
    ettlingen_editor.groups.add(Group.objects.get(name="Redaktion Ettlingen"))
    resolve_report(report, by=ettlingen_editor, note="erledigt")
    report.refresh_from_db()
    assert report.status == ContentReport.Status.RESOLVED and report.resolved_by == ettlingen_editor
