"""Attendance, hours and the Engagementnachweis in a real browser: the Verein confirms attendance through
the form, the volunteer's record, the verification page; axe at WCAG 2.1 AA, screenshots at 1280 and
375 px (tests/e2e/screenshots/hours-*.png)."""

import datetime as dt
import json

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit
from .test_verein import log_in, people  # noqa: F401  (the fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def volunteer(site, people):  # noqa: F811
    from django.utils import timezone

    from engagement.applications.models import AccessToken, Application
    from engagement.hours import services
    from engagement.hours.models import RecognitionThreshold

    now = timezone.now()
    application = Application.objects.create(
        opportunity=site["reading"],
        name="Mia Kraus",
        email="mia@example.org",
        message="Ich lese gern vor.",
        consent_version="2026-11-1",
        consent_given_at=now,
        confirmed_at=now,
        status=Application.Status.ACCEPTED,
        last_activity_at=now,
    )
    first_of_month = timezone.localdate().replace(day=1)
    months = [(first_of_month - dt.timedelta(days=1 + 31 * n)).replace(day=1) for n in range(3)]
    services.record_attendance(
        site["verein"],
        [(application, month, 8, True, "Vorlesen im Seniorenheim", "month") for month in months],
        confirmed_by=people["member"],
    )
    RecognitionThreshold.objects.create(
        city=site["bretten"], name="Ehrenamtskarte Baden-Württemberg", hours=20, period="year"
    )
    certificate = services.issue_certificate(
        application,
        by=people["member"],
        signer_name="Petra Vorstand",
        signer_role="Vorsitzende",
        tasks="Vorlesen im Seniorenheim",
    )
    return {
        "application": application,
        "link": f"/bewerbung/{AccessToken.issue(application, 'status')}/",
        "certificate": certificate,
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_hours_pages_have_no_wcag_violations_and_reflow(page, site, people, volunteer, language):  # noqa: F811
    base = site["base"]
    prefix = "" if language == "de" else "/en"
    found = {}

    def check(name):
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = violations
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
                name,
                width,
            )
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"hours-{name}-{language}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    visit(page, f"{base}{prefix}{volunteer['link']}stunden/")
    check("record")
    visit(page, f"{base}{prefix}/nachweis/{volunteer['certificate'].display_code}/")
    check("verify")
    log_in(page, base, "verein-bretten", f"{prefix}/mein-verein/anmelden/")
    visit(page, f"{base}{prefix}/mein-verein/stunden/angebot/{site['reading'].pk}/")
    check("attendance")
    # The bulk form, through the browser: one day, 2 hours for everyone ticked.
    page.locator("input[name=period][value=day]").check()
    page.fill("input[name=date]", (dt.date.today() - dt.timedelta(days=2)).isoformat())
    page.fill("input[name=hours]", "2")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert page.locator(".kern-alert--success").count() == 1
    visit(page, f"{base}{prefix}/mein-verein/stunden/nachweise/")
    check("certificates")
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)
