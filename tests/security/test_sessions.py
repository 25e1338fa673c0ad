"""Staff sessions time out; every session ends when the password changes or the account is disabled."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def admin_client(user):
    client = Client()
    client.post("/admin/login/", {"username": user.username, "password": "secret"})
    return client


def test_a_staff_session_ends_after_the_idle_time(settings, editor):
    with freeze_time("2026-03-02 09:00") as clock:
        client = admin_client(editor)
        assert client.get("/admin/").status_code == 200
        clock.tick(settings.STAFF_SESSION_IDLE_SECONDS + 1)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")
        assert "_auth_user_id" not in client.session


def test_a_busy_staff_session_ends_at_the_absolute_limit(settings, editor):
    with freeze_time("2026-03-02 09:00") as clock:
        client = admin_client(editor)
        elapsed = 0
        while elapsed <= settings.STAFF_SESSION_MAX_SECONDS:
            clock.tick(settings.STAFF_SESSION_IDLE_SECONDS - 60)
            elapsed += settings.STAFF_SESSION_IDLE_SECONDS - 60
            last = client.get("/admin/")
        assert last.status_code == 302
        assert "_auth_user_id" not in client.session


def test_a_staff_session_within_both_limits_stays(settings, editor):
    with freeze_time("2026-03-02 09:00") as clock:
        client = admin_client(editor)
        clock.tick(settings.STAFF_SESSION_IDLE_SECONDS - 1)
        assert client.get("/admin/").status_code == 200


def test_a_verein_members_session_has_no_staff_timeout(settings, verein_bretten):
    member = UserFactory(username="verein-bretten")
    MembershipFactory(organisation=verein_bretten, user=member)
    with freeze_time("2026-03-02 09:00") as clock:
        client = Client()
        client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "secret"})
        clock.tick(settings.STAFF_SESSION_IDLE_SECONDS + 60)
        assert client.get("/mein-verein/").status_code == 200


def test_a_password_change_ends_every_other_session(verein_bretten):
    member = UserFactory(username="verein-bretten")
    client = Client()
    client.force_login(member)
    member.set_password("ein-ganz-neues-passwort")
    member.save()
    assert client.get("/mein-verein/").status_code == 302


def test_a_disabled_account_loses_its_sessions(verein_bretten):
    member = UserFactory(username="verein-bretten")
    client = Client()
    client.force_login(member)
    member.is_active = False
    member.save()
    assert client.get("/mein-verein/").status_code == 302


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("kurz123", False),
        ("password", False),
        ("12345678", False),
        ("a" * 7, False),
        ("80745913826", True),
        ("ohne regeln aber lang", True),
        ("x" * 64 + "-lang", True),
        ("y9" * 64, True),
    ],
)
def test_passwords_need_length_and_not_being_common_but_no_composition(password, accepted):
    try:
        validate_password(password)
    except ValidationError:
        assert not accepted
    else:
        assert accepted
