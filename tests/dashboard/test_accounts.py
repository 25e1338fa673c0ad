import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from freezegun import freeze_time

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


SIGNUP = {
    "first_name": "Jana",
    "last_name": "Vogel",
    "email": "Jana@Verein.example.org",
    "password": "Ehrenamt-2026",
}


def link_in(mail):
    return re.search(r"http://testserver(/\S+)", mail.body).group(1)


def test_registration_needs_a_confirmed_address(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mein-verein/registrieren/", SIGNUP)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    user = get_user_model().objects.get(email="jana@verein.example.org")
    assert not user.is_active
    assert not client.login(username="jana@verein.example.org", password="Ehrenamt-2026")

    assert len(mailoutbox) == 1
    response = client.get(link_in(mailoutbox[0]))
    assert response.status_code == 302
    assert get_user_model().objects.get(email="jana@verein.example.org").is_active
    assert client.login(username="jana@verein.example.org", password="Ehrenamt-2026")


def test_confirming_in_the_registering_browser_logs_in_and_leads_to_founding_the_organisation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mein-verein/registrieren/", SIGNUP)
    response = client.get(link_in(mailoutbox[0]), follow=True)
    assert response.redirect_chain[-1][0] == "/mein-verein/organisation/anlegen/"
    html = response.content.decode()
    assert "Ihre E-Mail-Adresse ist bestätigt. Willkommen!" in html
    assert "Schritt 1 von 2" in html
    assert int(client.session["_auth_user_id"]) == get_user_model().objects.get(last_name="Vogel").pk


def test_the_confirmation_link_alone_logs_nobody_in(client, mailoutbox, django_capture_on_commit_callbacks):
    """A link opened on another device, by a mail scanner, or a second time confirms, never logs in."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mein-verein/registrieren/", SIGNUP)
    link = link_in(mailoutbox[0])
    elsewhere = Client()
    response = elsewhere.get(link)
    assert response.status_code == 200 and "Ihr Konto ist bereit" in response.content.decode()
    assert "_auth_user_id" not in elsewhere.session
    assert get_user_model().objects.get(email="jana@verein.example.org").is_active

    # Another registration in the same browser does not make the first link a login either.
    other = Client()
    with django_capture_on_commit_callbacks(execute=True):
        other.post("/mein-verein/registrieren/", {**SIGNUP, "email": "tom@verein.example.org"})
    response = other.get(link)
    assert response.status_code == 200 and "_auth_user_id" not in other.session

    client.get(link)  # the registering browser, now logged in
    client.logout()
    response = client.get(link)
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_forged_and_expired_confirmation_links_are_refused(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mein-verein/registrieren/", SIGNUP)
    assert client.get("/mein-verein/registrieren/bestaetigen/falsch/").status_code == 400
    import datetime as dt

    from django.utils import timezone

    with freeze_time(timezone.now() + dt.timedelta(days=4)):
        assert client.get(link_in(mailoutbox[0])).status_code == 400
    assert not get_user_model().objects.get(email="jana@verein.example.org").is_active


def test_weak_passwords_and_bad_addresses_get_german_messages(client):
    response = client.post(
        "/mein-verein/registrieren/", {**SIGNUP, "email": "keine-adresse", "password": "123"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie eine E-Mail-Adresse ein" in html
    assert "Passwort" in html and "zu kurz" in html
    assert not get_user_model().objects.filter(last_name="Vogel").exists()


def test_registering_a_known_address_reveals_nothing(client, mailoutbox, django_capture_on_commit_callbacks):
    UserFactory(username="bekannt", email="jana@verein.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mein-verein/registrieren/", SIGNUP)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="jana@verein.example.org").count() == 1
    assert mailoutbox == []


def test_login_is_rate_limited(client):
    UserFactory(username="verein-bretten")
    for _ in range(10):
        client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "falsch"})
    response = client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "secret"})
    assert response.status_code == 429
    assert "Zu viele Versuche." in response.content.decode()


def test_password_reset_by_mail(client, mailoutbox, django_capture_on_commit_callbacks):
    UserFactory(username="verein-bretten", email="verein@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/mein-verein/passwort/vergessen/", {"email": "verein@example.org"})
    assert len(mailoutbox) == 1
    url = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[0].body).group(1)
    response = client.get(url, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Neues-Passwort-99", "new_password2": "Neues-Passwort-99"})
    assert client.login(username="verein-bretten", password="Neues-Passwort-99")


def test_members_log_in_with_their_email_address_in_any_case_and_demo_names_keep_working(client):
    UserFactory(username="jana@verein.example.org", email="jana@verein.example.org", password="secret")
    UserFactory(username="verein-bretten", email="verein-bretten@example.org", password="secret")
    form = client.get("/mein-verein/anmelden/").content.decode()
    assert '<label class="kern-label" for="id_username">' in form and "E-Mail-Adresse" in form
    assert "Benutzername" not in form

    refused = client.post(
        "/mein-verein/anmelden/", {"username": "jana@verein.example.org", "password": "falsch"}
    )
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert "Bitte prüfen Sie E-Mail-Adresse und Passwort." in refused.content.decode()
    assert "Benutzername" not in refused.content.decode()

    for identifier in ("Jana@Verein.Example.org", "verein-bretten"):
        client.logout()
        response = client.post("/mein-verein/anmelden/", {"username": identifier, "password": "secret"})
        assert response.status_code == 302, identifier
        assert "_auth_user_id" in client.session
