"""Demo accounts (password "demo") are dead outside demo mode, and the deploy check names them."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from engagement.security.checks import check_demo_accounts
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/mein-verein/anmelden/", "/admin/login/"])
def test_a_demo_account_cannot_log_in_when_demo_mode_is_off(settings, url):
    settings.DEMO_MODE = False
    UserFactory(username="admin", password="demo", is_staff=True, is_superuser=True)
    client = Client()
    client.post(url, {"username": "admin", "password": "demo"})
    assert "_auth_user_id" not in client.session
    assert not client.login(username="admin", password="demo")


def test_a_demo_account_logs_in_in_demo_mode(settings):
    settings.DEMO_MODE = True
    UserFactory(username="verein-bretten", password="demo")
    response = Client().post("/mein-verein/anmelden/", {"username": "verein-bretten", "password": "demo"})
    assert response.status_code == 302


def test_the_deploy_check_is_silent_without_demo_accounts(settings):
    settings.DEMO_MODE = False
    UserFactory(username="admin", password="ein-echtes-passwort")
    UserFactory(username="jana", password="demo")  # not one of the loader's accounts
    assert check_demo_accounts() == []


def test_the_deploy_check_names_demo_accounts_when_demo_mode_is_off(settings):
    settings.DEMO_MODE = False
    UserFactory(username="admin", password="demo")
    UserFactory(username="verein-bretten", password="demo")
    [warning] = check_demo_accounts()
    assert warning.id == "security.W001"
    assert "admin, verein-bretten" in warning.msg
    with pytest.raises(SystemCheckError, match="security.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "security")
