"""The admin upload ("Datenaustausch"): administrators only; a dry run shows the report, the import
creates drafts; editors of a city, Vereine and anonymous visitors cannot open or post it."""

import io

import pytest

from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Membership
from tests.exchange.test_import import a_row, csv_file
from tests.factories import OrganisationFactory, UserFactory

URL = "/admin/datenaustausch/"


def upload(rows, name="angebote.csv"):
    file = io.BytesIO(csv_file(rows))
    file.name = name
    return file


@pytest.fixture
def bretten_editor(bretten):
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(bretten.editor_group)
    return editor


@pytest.fixture
def verein_member(bretten):
    member = UserFactory(username="verein-bretten")
    Membership.objects.create(organisation=OrganisationFactory(home_city=bretten), user=member)
    return member


def refused(response) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_a_citys_editor_can_neither_open_nor_post_the_upload(client, bretten_editor):
    client.force_login(bretten_editor)
    assert refused(client.get(URL))
    assert refused(client.post(URL, {"csv_file": upload([a_row()]), "action": "import"}))
    assert not OpportunityPage.objects.exists()
    assert URL not in client.get("/admin/").content.decode()  # not in the menu either


def test_a_verein_member_cannot_reach_the_upload(client, verein_member):
    client.force_login(verein_member)
    response = client.post(URL, {"csv_file": upload([a_row()]), "action": "import"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not OpportunityPage.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, bretten):
    response = client.post(URL, {"csv_file": upload([a_row()]), "action": "import"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not OpportunityPage.objects.exists()


def test_an_administrator_checks_first_then_imports(client, superuser, bretten):
    client.force_login(superuser)
    page = client.get(URL)
    assert page.status_code == 200
    assert "/api/v2/export/bretten/freiwilligendatenbank.csv" in page.content.decode()

    response = client.post(URL, {"csv_file": upload([a_row()]), "action": "dry_run"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ergebnis der Prüfung (Probelauf)" in html
    assert "Wird als Entwurf in Bretten angelegt und zur Prüfung eingereicht." in html
    assert not OpportunityPage.objects.exists()

    response = client.post(URL, {"csv_file": upload([a_row()]), "action": "import"})
    assert response.status_code == 200
    assert "Wurde als Entwurf in Bretten angelegt und zur Prüfung eingereicht." in response.content.decode()
    page = OpportunityPage.objects.get(source_id="fwdb-4711")
    assert not page.live and page.workflow_in_progress


def test_an_administrator_sees_the_errors_and_nothing_is_imported(client, superuser, bretten):
    client.force_login(superuser)
    response = client.post(URL, {"csv_file": upload([a_row(**{"Ende": "gestern"})]), "action": "import"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Die Datei hat Fehler. Nichts wurde importiert:" in html
    assert "Ende: Bitte ein Datum wie 31.12.2026 eintragen." in html
    assert not OpportunityPage.objects.exists()


def test_a_city_chosen_for_the_upload_must_exist(client, superuser, bretten):
    client.force_login(superuser)
    response = client.post(URL, {"csv_file": upload([a_row()]), "city": "999999", "action": "import"})
    assert response.status_code == 400
    assert "Bitte wählen Sie eine der Städte." in response.content.decode()
    assert not OpportunityPage.objects.exists()
