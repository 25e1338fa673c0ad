"""Password reset is limited per client address and per e-mail address, and tells nobody who exists."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from engagement.ratelimit import LIMITS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/mein-verein/passwort/vergessen/"


def test_one_client_cannot_request_resets_without_end(mailoutbox, django_capture_on_commit_callbacks):
    client = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(LIMITS["password-reset-address"].attempts):
        assert client.post(URL, {"email": f"jemand-{number}@example.org"}).status_code == 302
    UserFactory(username="verein-bretten", email="verein@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": "verein@example.org"})
    assert response.status_code == 429
    assert "Zu viele Versuche." in response.content.decode()
    assert mailoutbox == []


def test_one_inbox_is_not_flooded_and_the_answer_stays_the_same(
    mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(username="verein-bretten", email="verein@example.org")
    budget = LIMITS["password-reset-email"].attempts
    start = timezone.now()
    for number in range(budget + 2):
        # Each request a second apart: every reset within the budget is its own mail (its own token).
        with (
            freeze_time(start + dt.timedelta(seconds=number)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = Client(REMOTE_ADDR=f"203.0.113.{number}").post(URL, {"email": "Verein@example.org"})
        assert response.status_code == 302
        assert response.url == "/mein-verein/passwort/gesendet/"
    assert len(mailoutbox) == budget


def test_an_unknown_address_gets_the_same_answer_as_a_known_one(
    mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(username="verein-bretten", email="verein@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = Client().post(URL, {"email": "verein@example.org"})
        unknown = Client(REMOTE_ADDR="203.0.113.50").post(URL, {"email": "niemand@example.org"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mailoutbox) == 1


def test_there_is_no_second_unlimited_reset_in_the_admin(superuser):
    assert Client().get("/admin/password_reset/").status_code == 404
    assert "password_reset" not in Client().get("/admin/login/").content.decode()


def test_staff_reset_their_password_through_the_limited_reset(
    superuser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(URL, {"email": "root@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
