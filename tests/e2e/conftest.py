"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser for the whole session, one context per test. The live server needs committed data, so
these tests are transactional and the database is emptied after each one. What the migrations
created (root and portal page, site, taxonomy) is saved once and put back after every test, so the
tests after these still find it.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import restore_migrated_contents

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are
# ordinary synchronous calls between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium fehlt: `make test` installiert das Debian-Paket chromium."
    assert AXE_SCRIPT.exists(), "axe-core fehlt: `make install` führt npm ci aus."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe is injected as an inline script, which the Content-Security-Policy refuses; the policy itself
    # is tested in a tab that obeys it (test_security_headers.py, and the editor's tab in test_verein.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def _migrated_contents_after_module(migrated_contents, django_db_blocker):
    """After the last browser test of a module has emptied the database, later tests find it as migrated."""
    yield migrated_contents
    with django_db_blocker.unblock():
        restore_migrated_contents(migrated_contents)


@pytest.fixture
def site(_migrated_contents_after_module, transactional_db, live_server, settings):
    """Two cities with contacts, a verified Verein and a few opportunities, like a small real site."""
    from django.core.cache import cache
    from wagtail.models import Page

    from tests.factories import OrganisationFactory, in_days, make_city, make_need, make_opportunity

    if not Page.objects.exists():  # emptied by the previous browser test
        restore_migrated_contents(_migrated_contents_after_module)
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    cache.clear()
    bretten = make_city("bretten")
    bretten.contact_name = "Petra Beispiel"
    bretten.contact_email = "ehrenamt@bretten.example.org"
    bretten.contact_phone = "07252 921-0"
    bretten.accent_colour = "#7a1f3d"
    bretten.save_revision().publish()
    ettlingen = make_city("ettlingen")
    verein = OrganisationFactory(
        name="Tafel Bretten e. V.", home_city=bretten, website="https://tafel.example.org"
    )
    reading = make_opportunity(
        organisation=verein,
        title="Vorlesen im Seniorenheim",
        hours_per_week=2.5,
        contact_name="Anna Muster",
        contact_phone="07252 12345",
        step_free_access=True,
        accessible_toilet=True,
        public_transport=True,
        quiet_place=True,
        easy_language=True,
        accessibility_note="Klingel am Seiteneingang, Aufzug bis 1,10 m Breite.",
        minors_welcome=True,
        minimum_age=14,
        minors_supervised=True,
        minors_insured=True,
    )
    make_opportunity(
        organisation=verein,
        title="Lebensmittel ausgeben beim Sommerfest",
        schedule_kind="one_off",
        rhythm="",
        event_start=in_days(20, hour=14),
        event_end=in_days(20, hour=18),
    )
    make_opportunity(city=ettlingen, title="Hausaufgabenhilfe in Ettlingen")
    # The profile shows how quickly the Verein usually answers (as the daily count would store it).
    verein.reply_median_hours, verein.reply_sample_size = 30, 6
    verein.save(update_fields=["reply_median_hours", "reply_sample_size"])
    need = make_need(verein)
    return {
        "base": live_server.url,
        "bretten": bretten,
        "verein": verein,
        "reading": reading,
        "guardian_token": waiting_for_a_parent(reading),
        "need": need,
    }


def waiting_for_a_parent(opportunity):
    """A minor's application the young person confirmed; returns the token of the parent's link."""
    from django.utils import timezone

    from engagement.applications.models import AccessToken, Application

    now = timezone.now()
    application = Application.objects.create(
        opportunity=opportunity,
        name="Lea Jung",
        email="lea@example.org",
        message="Ich lese gern vor.",
        consent_version="2026-11-1",
        consent_given_at=now,
        applicant_confirmed_at=now,
        is_minor=True,
        guardian_email="eltern@example.org",
        guardian_asked_at=now,
    )
    return AccessToken.issue(application, AccessToken.Purpose.GUARDIAN)


def page_urls(site, language="de"):
    """Every public page type, by name, as a path; English pages live under /en/."""
    prefix = "" if language == "de" else "/en"
    reading, verein = site["reading"], site["verein"]
    return {
        "home": f"{prefix}/",
        "city": f"{prefix}/bretten/",
        "search-results": f"{prefix}/suche/?q=Vorlesen",
        "search-empty": f"{prefix}/suche/?q=Tiefseetauchen",
        "search-error": f"{prefix}/suche/?city=atlantis",
        "opportunity": f"{prefix}/bretten/{reading.slug}/",
        "organisation": f"{prefix}/organisationen/{verein.slug}/",
        "not-found": f"{prefix}/gibt-es-nicht/",
        "impressum": f"{prefix}/impressum/",
        "privacy": f"{prefix}/bretten/datenschutz/",
        "accessibility": f"{prefix}/bretten/barrierefreiheit/",
        "easy-language": f"{prefix}/leichte-sprache/",
        "finder-start": f"{prefix}/finder/",
        "finder-question": f"{prefix}/finder/frage/3/?category=soziales",
        "finder-question-easy": f"{prefix}/finder/frage/5/?category=soziales&leicht=1",
        "finder-question-error": f"{prefix}/finder/frage/4/?near=75015&radius=500&weiter=1",
        "finder-results": f"{prefix}/finder/ergebnis/?category=soziales&schedule=regular&near=75015",
        "search-inclusion": f"{prefix}/suche/?inclusion=step_free&youth=14",
        "guardian-confirm": f"{prefix}/bewerbung/eltern/{site['guardian_token']}/",
        "needs-search": f"{prefix}/suche/bedarfe/?q=Beamer",
        "need": f"{prefix}/bretten/{site['need'].slug}/",
        "need-contact": f"{prefix}/bedarfe/{site['need'].pk}/kontakt/",
    }
