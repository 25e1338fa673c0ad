"""A city's editors invite Vereine into their own city only, and see only their own city's invitations."""

import io

import pytest
from django.core.exceptions import PermissionDenied

from engagement.organisations import city_invitations
from engagement.organisations.models import Invitation, Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/vereine-einladen/"
VEREIN = {"name": "Schachclub Ettlingen", "email": "vorstand@schach.example.org", "kind": "verein"}


@pytest.fixture
def editors(bretten, ettlingen):
    bretten_editor = UserFactory(username="redaktion-bretten")
    bretten_editor.groups.add(bretten.editor_group)
    ettlingen_editor = UserFactory(username="redaktion-ettlingen")
    ettlingen_editor.groups.add(ettlingen.editor_group)
    return {"bretten": bretten_editor, "ettlingen": ettlingen_editor}


def test_an_editor_of_bretten_cannot_invite_into_ettlingen(client, editors, ettlingen, mailoutbox):
    client.force_login(editors["bretten"])
    response = client.post(URL, {**VEREIN, "mode": "single", "city": ettlingen.pk})
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Ihrer Städte." in response.content.decode()
    listed = {"name": "Liste", "email": "liste@example.org"}
    upload = io.BytesIO(f"Name;E-Mail\n{listed['name']};{listed['email']}\n".encode())
    upload.name = "vereine.csv"
    response = client.post(URL, {"mode": "list", "city": ettlingen.pk, "list_file": upload})
    assert response.status_code == 400
    assert not Organisation.objects.filter(home_city=ettlingen).exists()
    assert not Invitation.objects.exists() and mailoutbox == []


def test_the_service_refuses_another_citys_editor(editors, ettlingen):
    with pytest.raises(PermissionDenied):
        city_invitations.invite_vereine(city=ettlingen, rows=[VEREIN], by=editors["bretten"])
    assert not Organisation.objects.filter(name=VEREIN["name"]).exists()


def test_an_editor_of_bretten_never_sees_ettlingens_invitations(client, editors, ettlingen):
    city_invitations.invite_vereine(city=ettlingen, rows=[VEREIN], by=editors["ettlingen"])
    client.force_login(editors["bretten"])
    html = client.get(URL).content.decode()
    assert "Schachclub Ettlingen" not in html and "vorstand@schach.example.org" not in html
    assert f'<option value="{ettlingen.pk}"' not in html
    assert list(city_invitations.invitations_seen_by(editors["bretten"])) == []

    client.force_login(editors["ettlingen"])
    assert "vorstand@schach.example.org" in client.get(URL).content.decode()


def test_vereine_and_people_without_a_city_cannot_open_the_page(client, bretten):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code in (302, 403)
    client.logout()
    assert client.get(URL).status_code == 302
