"""The end of an application in a real browser: the organisation keeps an application open from its
page, and the applicant's status page of a closed application – both without WCAG violations."""

import datetime as dt
import json

import pytest

from .test_public_pages import axe_violations, visit
from .test_verein import log_in, people  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def applications(site):
    from django.utils import timezone

    from engagement.applications.models import AccessToken, Application

    now = timezone.now()

    def make(email, **fields):
        return Application.objects.create(
            opportunity=site["reading"],
            name="Mia Kraus",
            email=email,
            message="Ich lese gern vor.",
            consent_version="2026-11-1",
            consent_given_at=now - dt.timedelta(days=200),
            confirmed_at=now - dt.timedelta(days=200),
            **fields,
        )

    quiet = make("mia@example.org", last_activity_at=now - dt.timedelta(days=175), closing_notice_at=now)
    closed = make("tom@example.org", status=Application.Status.EXPIRED, closed_at=now, last_activity_at=now)
    return {"quiet": quiet, "closed_link": f"/bewerbung/{AccessToken.issue(closed, 'status')}/"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_keeping_an_application_open_and_a_closed_status_page(page, site, people, applications, language):  # noqa: F811
    base = site["base"]
    prefix = "" if language == "de" else "/en"
    found = {}

    def check(name):
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = violations

    visit(page, f"{base}{prefix}{applications['closed_link']}")
    closed_text = "Diese Bewerbung ist geschlossen." if language == "de" else "This application is closed."
    assert page.get_by_text(closed_text).is_visible()
    check("status-closed")
    log_in(page, base, "verein-bretten", f"{prefix}/mein-verein/anmelden/")
    visit(page, f"{base}{prefix}/mein-verein/bewerbungen/{applications['quiet'].pk}/")
    check("application-closing-soon")
    keep_open = "Offen halten" if language == "de" else "Keep open"
    with page.expect_navigation():
        page.get_by_role("button", name=keep_open).click()
    kept = "Die Bewerbung bleibt offen" if language == "de" else "The application stays open"
    assert page.get_by_text(kept).is_visible()
    check("application-kept-open")
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)
