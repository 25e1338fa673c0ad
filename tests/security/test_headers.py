"""Security headers on every page, and a clean `check --deploy` with the production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def directives(response, header="Content-Security-Policy"):
    policy = response.headers[header]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_allow_no_inline_script_and_no_framing(bretten):
    page = make_opportunity(city=bretten)
    for url in ["/", "/suche/", f"/{bretten.slug}/", page.url, "/mein-verein/anmelden/"]:
        response = Client().get(url, follow=True)
        assert response.status_code == 200, url
        policy = directives(response)
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["object-src"] == ["'none'"], url
        assert response.headers["X-Frame-Options"] == "DENY", url
        assert "geolocation=(self)" in response.headers["Permissions-Policy"], url
        assert "camera=()" in response.headers["Permissions-Policy"], url


def test_the_admin_may_frame_its_own_previews_and_nothing_else(superuser):
    client = Client()
    client.force_login(superuser)
    policy = directives(client.get("/admin/"))
    assert policy["frame-ancestors"] == ["'self'"]
    assert "https:" not in policy["script-src"] and "*" not in policy["script-src"]


def test_an_anonymous_page_view_sets_no_csrf_cookie(bretten):
    make_opportunity(city=bretten)
    for url in ["/", "/suche/", f"/{bretten.slug}/", "/datenschutz/bewerbungen/"]:
        response = Client().get(url)
        assert "csrftoken" not in response.cookies, url


def test_a_page_with_a_form_sets_the_csrf_cookie(bretten):
    page = make_opportunity(city=bretten)
    response = Client().get(f"/bewerben/{page.pk}/")
    assert "csrftoken" in response.cookies


def test_the_language_switch_works_without_a_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"


@pytest.mark.slow
def test_check_deploy_with_the_production_settings_reports_nothing():
    # The browser tests of this process set DJANGO_ALLOW_ASYNC_UNSAFE (Playwright beside the ORM);
    # a production environment never has it, and the deploy check rightly refuses it.
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "engagement.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-of-sufficient-length-0123456789",
        "DJANGO_ALLOWED_HOSTS": "engagement.example.org",
        "CACHE_URL": "locmemcache://",
        "DATABASE_POOL": "false",
        "WAGTAILADMIN_BASE_URL": "https://engagement.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
