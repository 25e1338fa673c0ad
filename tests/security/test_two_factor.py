"""The Wagtail admin needs a second factor (TOTP or a recovery code) for every staff account."""

import re
import time
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETUP = "/admin/zwei-faktor/einrichten/"
VERIFY = "/admin/zwei-faktor/pruefen/"


@pytest.fixture(autouse=True)
def _production_rules(settings):
    settings.DEMO_MODE = False


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def logged_in(user):
    client = Client()
    client.post("/admin/login/", {"username": user.username, "password": "secret"})
    return client


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def with_device(user):
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def test_an_editor_without_a_device_is_sent_to_set_one_up(editor):
    response = logged_in(editor).get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_an_editor_with_a_device_must_enter_a_code_before_any_admin_page(editor):
    with_device(editor)
    client = logged_in(editor)
    for url in ["/admin/", "/admin/pages/", "/admin/documents/", "/admin/reports/site-history/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(VERIFY)


def test_a_wrong_code_opens_nothing(editor):
    device = with_device(editor)
    client = logged_in(editor)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"token": wrong, "next": "/admin/pages/"})
    assert response.status_code == 400
    assert "Dieser Code stimmt nicht." in response.content.decode()
    assert client.get("/admin/pages/").url.startswith(VERIFY)


def test_a_redirect_after_the_code_stays_on_this_host(editor):
    device = with_device(editor)
    client = logged_in(editor)
    response = client.post(VERIFY, {"token": current_code(device), "next": "https://evil.example/"})
    assert response.url == "/admin/"


def test_the_current_code_opens_the_admin_once(editor):
    device = with_device(editor)
    client = logged_in(editor)
    code = current_code(device)
    response = client.post(VERIFY, {"token": code, "next": "/admin/pages/"})
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    # The same code cannot be replayed in another session.
    other = logged_in(editor)
    assert other.post(VERIFY, {"token": code}).status_code == 400


def test_setup_shows_a_locally_drawn_qr_code_and_confirms_with_a_code(editor):
    client = logged_in(editor)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "otpauth" not in page.split("<svg")[0]
    assert not re.search(r"<img[^>]+src=\"https?://", page)  # no third-party QR service
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(SETUP, {"token": current_code(device, offset=30), "next": "/admin/pages/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_setup_with_a_wrong_code_confirms_nothing(editor):
    client = logged_in(editor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP, {"token": wrong})
    assert response.status_code == 400
    assert "Dieser Code stimmt nicht." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/pages/").url.startswith(SETUP)


def test_a_recovery_code_works_once(editor):
    client = logged_in(editor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(SETUP, {"token": current_code(device)})
    code = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())[0]

    second = logged_in(editor)
    assert second.post(VERIFY, {"token": code}).status_code == 302
    assert second.get("/admin/").status_code == 200
    third = logged_in(editor)
    assert third.post(VERIFY, {"token": code}).status_code == 400
    assert StaticToken.objects.filter(device__user=editor).count() == 9


def test_failed_codes_are_throttled(editor):
    device = with_device(editor)
    client = logged_in(editor)
    client.post(VERIFY, {"token": "123456"})
    client.post(VERIFY, {"token": "234567"})
    # django-otp now waits before it even checks the right code.
    assert client.post(VERIFY, {"token": current_code(device)}).status_code == 400


def test_a_verein_member_never_meets_the_second_factor(verein_bretten):
    UserFactory(username="verein-bretten")
    client = Client()
    client.post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "secret"})
    assert client.get("/mein-verein/").status_code == 200


def test_in_demo_mode_staff_skip_the_second_factor_with_a_notice(settings, editor):
    settings.DEMO_MODE = True
    client = Client()
    client.force_login(editor)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "Demo-Modus: Die Zwei-Faktor-Anmeldung ist abgeschaltet." in response.content.decode()


def test_a_verified_session_fixture_opens_the_admin(editor):
    """How other tests mark a device as verified without typing a code."""
    device = with_device(editor)
    client = Client()
    client.force_login(editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200


def test_a_lost_phone_is_reset_by_command_and_a_new_app_is_set_up(editor):
    with_device(editor)
    call_command("reset_two_factor", "redaktion-bretten", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert logged_in(editor).get("/admin/").url.startswith(SETUP)


def test_resetting_an_unknown_account_fails_clearly(db):
    with pytest.raises(CommandError, match="No account named 'niemand'"):
        call_command("reset_two_factor", "niemand")
