"""One throttle for every login path: it slows an attacker and lets the owner in."""

import pytest
from django.test import Client

from engagement.ratelimit import LIMITS
from engagement.security.throttle import DEVICE_COOKIE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VEREIN_LOGIN = "/mein-verein/anmelden/"
ADMIN_LOGIN = "/admin/login/"
ACCOUNT_BUDGET = LIMITS["login-account"].attempts
ADDRESS_BUDGET = LIMITS["login-address"].attempts


def attempt(url, username, password, address="203.0.113.9", client=None):
    client = client or Client(REMOTE_ADDR=address)
    return client.post(url, {"username": username, "password": password})


def logged_in(response):
    return "_auth_user_id" in response.client.session


def test_failures_at_the_admin_login_are_throttled_and_then_the_right_password_is_refused(superuser):
    for _ in range(ACCOUNT_BUDGET):
        assert not logged_in(attempt(ADMIN_LOGIN, "root", "falsch"))
    response = attempt(ADMIN_LOGIN, "root", "secret")
    assert not logged_in(response)
    assert "Zu viele Versuche." in response.content.decode()


def test_both_login_paths_share_one_budget(db):
    UserFactory(username="verein-bretten")
    for _ in range(ACCOUNT_BUDGET // 2):
        attempt(ADMIN_LOGIN, "verein-bretten", "falsch")
    for _ in range(ACCOUNT_BUDGET - ACCOUNT_BUDGET // 2):
        attempt(VEREIN_LOGIN, "verein-bretten", "falsch")
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret").status_code == 429


def test_guessing_one_account_from_many_addresses_is_throttled(db):
    UserFactory(username="verein-bretten")
    for number in range(ACCOUNT_BUDGET):
        attempt(VEREIN_LOGIN, "verein-bretten", "falsch", address=f"198.51.100.{number}")
    response = attempt(VEREIN_LOGIN, "verein-bretten", "secret", address="198.51.100.200")
    assert response.status_code == 429


def test_spraying_many_account_names_from_one_address_is_throttled(db):
    UserFactory(username="verein-bretten")
    for number in range(ADDRESS_BUDGET):
        attempt(VEREIN_LOGIN, f"konto-{number}", "falsch")
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret").status_code == 429
    # Another address is not slowed by it.
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", address="203.0.113.10").status_code == 302


def test_the_owner_on_a_known_device_gets_in_while_an_attacker_has_spent_the_account_budget(db):
    UserFactory(username="verein-bretten")
    owner = Client(REMOTE_ADDR="192.0.2.1")
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=owner).status_code == 302
    assert owner.cookies[DEVICE_COOKIE]["httponly"]
    owner.post("/mein-verein/abmelden/")

    for number in range(ACCOUNT_BUDGET + 5):
        attempt(VEREIN_LOGIN, "verein-bretten", "falsch", address=f"198.51.100.{number}")
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", address="198.51.100.250").status_code == 429

    response = attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=owner)
    assert response.status_code == 302
    assert logged_in(response)


def test_a_device_cookie_of_another_account_or_a_forged_one_is_no_way_past(db):
    UserFactory(username="verein-bretten")
    UserFactory(username="verein-ettlingen")
    other = Client(REMOTE_ADDR="192.0.2.1")
    attempt(VEREIN_LOGIN, "verein-ettlingen", "secret", client=other)
    other.post("/mein-verein/abmelden/")
    for number in range(ACCOUNT_BUDGET):
        attempt(VEREIN_LOGIN, "verein-bretten", "falsch", address=f"198.51.100.{number}")
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=other).status_code == 429
    forged = Client(REMOTE_ADDR="192.0.2.2")
    forged.cookies[DEVICE_COOKIE] = "eyJ1c2VybmFtZSI6InZlcmVpbi1icmV0dGVuIn0:forged"
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=forged).status_code == 429


def test_a_known_device_has_a_budget_of_its_own(db):
    UserFactory(username="verein-bretten")
    owner = Client(REMOTE_ADDR="192.0.2.1")
    attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=owner)
    owner.post("/mein-verein/abmelden/")
    for _ in range(LIMITS["login-device"].attempts):
        attempt(VEREIN_LOGIN, "verein-bretten", "falsch", client=owner)
    assert attempt(VEREIN_LOGIN, "verein-bretten", "secret", client=owner).status_code == 429
