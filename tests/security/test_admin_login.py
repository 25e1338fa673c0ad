"""The Wagtail admin's login lets in only accounts that may use the admin."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_verein_member_gets_no_session_at_the_admin_login(verein_bretten):
    member = UserFactory(username="verein-bretten")
    MembershipFactory(organisation=verein_bretten, user=member)
    client = Client()
    response = client.post("/admin/login/", {"username": "verein-bretten", "password": "secret"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "kein Redaktionskonto" in response.content.decode()
    assert "/mein-verein/anmelden/" in response.content.decode()


def test_a_city_editor_logs_in_at_the_admin(bretten):
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client = Client()
    response = client.post("/admin/login/", {"username": "redaktion-bretten", "password": "secret"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
