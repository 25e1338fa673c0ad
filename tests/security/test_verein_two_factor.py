"""Verein members may switch on a second factor (TOTP with recovery codes); once on, no Verein page opens
before the code. Members without one log in with their password as before."""

import re
import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from engagement.ratelimit import LIMITS
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/mein-verein/anmelden/"
VERIFY = "/mein-verein/anmelden/zweiter-faktor/"
TWO_FACTOR = "/mein-verein/zwei-faktor/"
DEVICE_BUDGET = LIMITS["login-device"].attempts


@pytest.fixture(autouse=True)
def _production_rules(settings):
    settings.DEMO_MODE = False


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def wrong_code(device):
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def with_device(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)


def with_recovery_code(user, code="abcd1234"):
    static = StaticDevice.objects.create(user=user, name="Wiederherstellungscodes", confirmed=True)
    StaticToken.objects.create(device=static, token=code)
    return code


def password_only(user, client=None):
    client = client or Client()
    response = client.post(LOGIN, {"username": user.email, "password": "secret", "next": "/mein-verein/"})
    return client, response


def verified(client):
    return "otp_device_id" in client.session


def test_a_member_with_a_device_who_gave_only_the_password_opens_no_verein_page(member):
    with_device(member)
    client, response = password_only(member)
    assert response.status_code == 302
    assert response.url.startswith(VERIFY)
    for url in ["/mein-verein/", "/mein-verein/bewerbungen/", "/en/mein-verein/bewerbungen/", TWO_FACTOR]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert VERIFY in response.url, url


def test_a_wrong_code_is_refused_in_german_and_opens_nothing(member):
    device = with_device(member)
    client, _ = password_only(member)
    response = client.post(VERIFY, {"token": wrong_code(device), "next": "/mein-verein/"})
    assert response.status_code == 400
    assert "Dieser Code stimmt nicht." in response.content.decode()
    assert not verified(client)
    assert client.get("/mein-verein/bewerbungen/").status_code == 302


def test_wrong_codes_count_against_the_login_throttle(member):
    device = with_device(member)
    client, _ = password_only(member)
    for _ in range(DEVICE_BUDGET):
        assert client.post(VERIFY, {"token": wrong_code(device)}).status_code == 400
    response = client.post(VERIFY, {"token": current_code(device)})
    assert response.status_code == 429
    assert "Zu viele Versuche." in response.content.decode()
    assert not verified(client)
    # The same budget as the password: the next password login from this browser is refused as well.
    client.post("/mein-verein/abmelden/")
    assert password_only(member, client=client)[1].status_code == 429


def test_a_recovery_code_works_once(member):
    with_device(member)
    code = with_recovery_code(member)
    first, _ = password_only(member)
    response = first.post(VERIFY, {"token": code.upper(), "next": "/mein-verein/bewerbungen/"})
    assert response.status_code == 302
    assert response.url == "/mein-verein/bewerbungen/"
    assert first.get("/mein-verein/bewerbungen/").status_code == 200
    second, _ = password_only(member)
    assert second.post(VERIFY, {"token": code}).status_code == 400
    assert second.get("/mein-verein/").status_code == 302


def test_the_right_code_opens_the_verein_pages_and_stays_on_this_host(member):
    device = with_device(member)
    client, _ = password_only(member)
    response = client.post(VERIFY, {"token": current_code(device), "next": "https://evil.example.org/"})
    assert response.status_code == 302
    assert response.url == "/mein-verein/"
    assert client.get("/mein-verein/").status_code == 200
    assert client.get("/mein-verein/bewerbungen/").status_code == 200


def test_a_member_without_a_device_logs_in_with_the_password_as_before(member):
    client, response = password_only(member)
    assert response.status_code == 302
    assert response.url == "/mein-verein/"
    assert client.get("/mein-verein/").status_code == 200
    assert client.get(VERIFY).url == "/mein-verein/"


def test_the_dashboard_links_to_the_two_factor_page(member):
    client, _ = password_only(member)
    assert f'href="{TWO_FACTOR}"' in client.get("/mein-verein/").content.decode()


def test_switching_on_needs_a_right_first_code(member):
    client, _ = password_only(member)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=member)
    response = client.post(TWO_FACTOR, {"token": wrong_code(device)})
    assert response.status_code == 400
    assert "Dieser Code stimmt nicht." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_switching_on_shows_a_qr_code_from_this_host_and_ten_recovery_codes_once(member):
    client, _ = password_only(member)
    page = client.get(TWO_FACTOR).content.decode()
    assert "<svg" in page
    assert "<?xml" not in page  # inline in HTML, where an XML declaration is an error
    assert "otpauth://" not in page  # the secret is drawn here, never sent to a QR code service
    device = TOTPDevice.objects.get(user=member)
    response = client.post(TWO_FACTOR, {"token": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert "no-store" in response["Cache-Control"]
    assert codes[0] not in client.get(TWO_FACTOR).content.decode()
    # From now on the password alone opens nothing.
    other, _ = password_only(member)
    assert other.get("/mein-verein/").url.startswith(VERIFY)
    assert other.post(VERIFY, {"token": codes[0]}).status_code == 302
    assert other.get("/mein-verein/").status_code == 200


def logged_in_with_device(member):
    device = with_device(member)
    client, _ = password_only(member)
    client.post(VERIFY, {"token": current_code(device)})
    assert verified(client)
    return client, device


def test_switching_off_without_a_right_proof_changes_nothing(member):
    client, device = logged_in_with_device(member)
    response = client.post(TWO_FACTOR, {"token": "", "password": ""})
    assert response.status_code == 400
    assert "Bitte geben Sie einen aktuellen Code oder Ihr Passwort ein." in response.content.decode()
    response = client.post(TWO_FACTOR, {"password": "falsch"})
    assert response.status_code == 400
    assert "Code oder Passwort stimmen nicht." in response.content.decode()
    assert TOTPDevice.objects.filter(user=member, confirmed=True).exists()


def test_switching_off_with_the_password_lets_the_password_alone_log_in_again(member):
    client, _ = logged_in_with_device(member)
    response = client.post(TWO_FACTOR, {"password": "secret"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    assert not StaticDevice.objects.filter(user=member).exists()
    other, response = password_only(member)
    assert response.url == "/mein-verein/"
    assert other.get("/mein-verein/").status_code == 200


def test_switching_off_with_a_current_code(member):
    client, device = logged_in_with_device(member)
    response = client.post(TWO_FACTOR, {"token": current_code(device, offset=device.step)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
