"""City editors manage the organisations of their own city in the admin, and nothing of the others."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


@pytest.fixture
def organisations(bretten, ettlingen):
    return {
        "own": OrganisationFactory(name="Schachclub Bretten", home_city=bretten),
        "foreign": OrganisationFactory(name="Kanuclub Ettlingen", home_city=ettlingen),
    }


def urls(organisation):
    return {
        view: reverse(f"organisations:{view}", args=[organisation.pk])
        for view in ("edit", "delete", "inspect", "history", "usage", "copy")
    }


def test_editor_lists_only_own_city_organisations(client, editor, organisations):
    client.force_login(editor)
    html = client.get("/admin/organisations/").content.decode()
    assert "Schachclub Bretten" in html
    assert "Kanuclub Ettlingen" not in html
    html = client.get("/admin/organisations/", {"q": "Kanuclub"}).content.decode()
    assert "Kanuclub Ettlingen" not in html


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage", "copy"])
def test_editor_opens_own_city_organisations(client, editor, organisations, view):
    client.force_login(editor)
    assert client.get(urls(organisations["own"])[view]).status_code == 200


@pytest.mark.parametrize("view", ["edit", "delete", "inspect", "history", "usage", "copy"])
def test_editor_cannot_open_another_citys_organisation(client, editor, organisations, view):
    client.force_login(editor)
    response = client.get(urls(organisations["foreign"])[view])
    assert response.status_code in (403, 404), view
    assert "Kanuclub" not in response.content.decode()


def test_editor_cannot_change_another_citys_organisation(client, editor, organisations):
    client.force_login(editor)
    foreign = organisations["foreign"]
    response = client.post(urls(foreign)["edit"], {"name": "Übernommen", "kind": "verein"})
    assert response.status_code in (403, 404)
    foreign.refresh_from_db()
    assert foreign.name == "Kanuclub Ettlingen"


def test_editor_cannot_delete_organisations(client, editor, organisations):
    client.force_login(editor)
    own = organisations["own"]
    response = client.post(urls(own)["delete"])
    assert response.status_code in (403, 404)
    assert Organisation.objects.filter(pk=own.pk).exists()


def test_editor_adds_organisations_only_in_own_city(client, editor, organisations, ettlingen, bretten):
    client.force_login(editor)
    form = client.get(reverse("organisations:add")).context["form"]
    assert list(form.fields["home_city"].queryset) == [bretten]
    data = {
        "name": "Neuer Verein",
        "kind": "verein",
        "home_city": ettlingen.pk,
        "verification_state": "pending",
    }
    response = client.post(reverse("organisations:add"), data)
    assert response.status_code == 200  # the form comes back with an error
    assert not Organisation.objects.filter(name="Neuer Verein").exists()


def test_administrators_see_every_city(client, superuser, organisations):
    client.force_login(superuser)
    html = client.get("/admin/organisations/").content.decode()
    assert "Schachclub Bretten" in html and "Kanuclub Ettlingen" in html
    assert client.get(urls(organisations["foreign"])["edit"]).status_code == 200


def test_members_without_a_city_get_no_organisation_admin(client, organisations):
    verein_member = UserFactory()
    client.force_login(verein_member)
    assert client.get("/admin/organisations/").status_code in (302, 403)
