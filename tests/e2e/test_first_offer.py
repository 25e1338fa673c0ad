"""A new Verein's way to its first offer, walked in a real browser and measured as the issue measured it:
home page → register → confirm the address → found the organisation → first offer → submit → copy.

Every page load, click and typed character is counted, and the keystroke-level model turns them into
the time a person needs (Card, Moran and Newell): 0.28 s per character (an average typist), 2.65 s per
click (1.35 s to decide, 1.1 s to point, 0.2 s to press and release) and 1 s per page load. With these
values the path before the change (11 page loads, 52 clicks, 1 258 characters) comes to 8.4 minutes.
Each page on the way is screenshotted at 1280 and 375 px (tests/e2e/screenshots/first-offer-*.png).
"""

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations

pytestmark = pytest.mark.e2e

SECONDS_PER_CHARACTER = 0.28
SECONDS_PER_CLICK = 1.35 + 1.1 + 0.2
SECONDS_PER_PAGE_LOAD = 1.0
BEFORE = {"page_loads": 11, "clicks": 52, "characters": 1258}


@dataclass
class Walk:
    """A person's path through the browser: what they click and type, and what they see."""

    page: object
    page_loads: int = 0
    clicks: int = 0
    characters: int = 0
    violations: dict = field(default_factory=dict)

    def __post_init__(self):
        self.page.on("load", lambda _page: self._loaded())

    def _loaded(self):
        self.page_loads += 1

    def open(self, url):
        """A link from outside the page (the mail); one page load, no click on the page."""
        self.page.goto(url, wait_until="load")

    def click(self, locator, *, navigates=False):
        self.clicks += 1
        if navigates:
            with self.page.expect_navigation(wait_until="load"):
                locator.click()
        else:
            locator.click()

    def type(self, selector, text):
        """Click into the field and type."""
        self.click(self.page.locator(selector))
        self.page.locator(selector).press_sequentially(text, delay=0)
        self.characters += len(text)

    def choose(self, selector, value):
        """A select: one click to open it, one to choose."""
        self.clicks += 2
        self.page.locator(selector).select_option(value)

    def look(self, name, prefix="first-offer"):
        """Check the page with axe and keep screenshots at 1280 and 375 px."""
        found = axe_violations(self.page)
        if found:
            self.violations[name] = found
        SCREENSHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{prefix}-{name}-1280.png", full_page=True)
        self.page.set_viewport_size({"width": 375, "height": 800})
        self.page.screenshot(path=SCREENSHOTS / f"{prefix}-{name}-375.png", full_page=True)
        self.page.set_viewport_size({"width": 1280, "height": 900})

    @property
    def seconds(self):
        return (
            self.characters * SECONDS_PER_CHARACTER
            + self.clicks * SECONDS_PER_CLICK
            + self.page_loads * SECONDS_PER_PAGE_LOAD
        )


def model_seconds(page_loads, clicks, characters):
    typing = characters * SECONDS_PER_CHARACTER
    return typing + clicks * SECONDS_PER_CLICK + page_loads * SECONDS_PER_PAGE_LOAD


def test_the_keystroke_level_model_gives_the_issues_time_for_the_path_before():
    assert round(model_seconds(**BEFORE) / 60, 1) == 8.4


def test_a_new_verein_reaches_its_first_submitted_offer_in_under_five_minutes(page, site, mailoutbox):
    from engagement.opportunities.models import OpportunityPage
    from engagement.organisations.models import Organisation

    base = site["base"]
    walk = Walk(page)
    walk.open(base + "/")
    walk.look("home")

    walk.click(page.get_by_role("link", name="Als Verein registrieren"), navigates=True)
    walk.look("register")
    walk.type("#id_first_name", "Jana")
    walk.type("#id_last_name", "Vogel")
    walk.type("#id_email", "jana@repair-cafe.example.org")
    walk.type("#id_password", "Ehrenamt-2026")
    walk.click(page.locator("main form button[type=submit]"), navigates=True)
    assert page.get_by_text("Bitte schauen Sie in Ihr Postfach.").is_visible()
    walk.look("register-done")

    link = re.search(r"https?://[^/\s]+(/\S+)", mailoutbox[-1].body).group(1)
    walk.open(base + link)  # from the mail, in the same browser: logged in, on to the organisation
    assert urlsplit(page.url).path == "/mein-verein/organisation/anlegen/"
    walk.look("found-organisation")
    walk.type("#id_name", "Repair-Café Bretten")
    walk.choose("#id_home_city", str(site["bretten"].pk))
    walk.type("#id_street", "Marktplatz 3")
    walk.type("#id_postcode", "75015")
    walk.type("#id_place", "Bretten")
    walk.click(page.locator("main form button[type=submit]"), navigates=True)
    organisation = Organisation.objects.get(name="Repair-Café Bretten")
    assert urlsplit(page.url).path == f"/mein-verein/organisation/{organisation.pk}/neu/"
    walk.look("first-offer")

    # The address and the contact are already there.
    assert page.locator("#id_postcode").input_value() == "75015"
    assert page.locator("#id_contact_name").input_value() == "Jana Vogel"
    walk.type("#id_title", "Reparieren im Repair-Café")
    walk.type("#id_teaser", "Einmal im Monat helfen Sie, Geräte zu reparieren statt wegzuwerfen.")
    walk.type(
        "#id_description",
        "Jeden ersten Samstag im Monat reparieren wir gemeinsam Toaster, Fahrräder und Kleidung. "
        "Sie helfen mit Werkzeug, Geduld oder Kaffee. Vorkenntnisse brauchen Sie nicht: Wir zeigen "
        "Ihnen alles.",
    )
    walk.click(page.get_by_label("Umwelt & Natur"))
    walk.click(page.get_by_role("button", name="5. Wann?"))
    walk.type("#id_rhythm", "jeden ersten Samstag, 10 bis 13 Uhr")
    walk.click(page.locator("main form button[name=submit]"), navigates=True)
    assert urlsplit(page.url).path == "/mein-verein/"
    assert page.get_by_text("In Prüfung").first.is_visible()
    walk.look("overview")

    offer = OpportunityPage.objects.get(title="Reparieren im Repair-Café")
    assert offer.postcode == "75015" and offer.contact_email == "jana@repair-cafe.example.org"
    assert offer.workflow_in_progress

    minutes = walk.seconds / 60
    report = {
        "before": {**BEFORE, "minutes": round(model_seconds(**BEFORE) / 60, 1)},
        "after": {
            "page_loads": walk.page_loads,
            "clicks": walk.clicks,
            "characters": walk.characters,
            "minutes": round(minutes, 1),
        },
    }
    (SCREENSHOTS / "first-offer-path.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report))
    assert walk.violations == {}, json.dumps(walk.violations, indent=2, ensure_ascii=False)
    assert walk.page_loads < BEFORE["page_loads"] and walk.clicks < BEFORE["clicks"]
    assert minutes < 5, report

    # The copy: straight into its form, the same title, no "Kopie von".
    walk.click(page.get_by_role("button", name="Kopieren"), navigates=True)
    copy = OpportunityPage.objects.filter(organisation=organisation).exclude(pk=offer.pk).get()
    assert urlsplit(page.url).path == f"/mein-verein/angebote/{copy.pk}/bearbeiten/"
    assert page.locator("#id_title").input_value() == "Reparieren im Repair-Café"
    walk.look("copy")


@pytest.fixture
def member(site):
    from tests.factories import MembershipFactory, UserFactory

    user = UserFactory(username="verein-bretten", first_name="Anna", last_name="Muster")
    MembershipFactory(organisation=site["verein"], user=user, role="owner")
    return user


def log_in(page, base):
    page.goto(base + "/mein-verein/anmelden/", wait_until="load")
    page.fill("input[name=username]", "verein-bretten")
    page.fill("input[name=password]", "secret")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def test_weiter_checks_the_current_step_before_moving_on(page, site, member):
    base = site["base"]
    log_in(page, base)
    page.goto(f"{base}/mein-verein/organisation/{site['verein'].pk}/neu/", wait_until="load")
    page.fill("#id_title", "")
    next_step = page.get_by_role("button", name="Weiter")
    next_step.click()
    assert page.locator("#schritt-1").is_visible()
    assert page.get_by_text("Bitte füllen Sie dieses Feld aus.").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_title"
    assert page.locator("#id_title").get_attribute("aria-invalid") == "true"

    page.fill("#id_title", "Kuchen backen für das Sommerfest")
    next_step.click()  # the other fields of step 1 may wait: a draft needs only the title
    assert page.locator("#schritt-2").is_visible()
    next_step.click()
    page.fill("#id_postcode", "7501")
    next_step.click()
    assert page.locator("#schritt-3").is_visible()
    assert page.get_by_text("Bitte prüfen Sie diese Angabe.").is_visible()
    page.fill("#id_postcode", "75015")
    next_step.click()
    assert page.locator("#schritt-4").is_visible()


def test_every_verein_page_at_1280_and_375_without_wcag_violations(page, site, member, mailoutbox):
    """Screenshots of each Verein page (tests/e2e/screenshots/verein-*.png) and axe on each."""
    from engagement.organisations import membership

    base = site["base"]
    verein = site["verein"]
    invitation = membership.send_invitation(organisation=verein, email="neu@example.org", by=member)
    token = membership.invitation_token(invitation)
    offer = site["reading"]
    walk = Walk(page)
    anonymous = {
        "login": "/mein-verein/anmelden/",
        "register": "/mein-verein/registrieren/",
        "password-reset": "/mein-verein/passwort/vergessen/",
        "invitation-anonymous": f"/mein-verein/einladung/{token}/",
    }
    for name, path in anonymous.items():
        walk.open(base + path)
        assert page.locator("h1").count() == 1, name
        walk.look(name, prefix="verein")
    log_in(page, base)
    members_only = {
        "overview": "/mein-verein/",
        "offer-form": f"/mein-verein/organisation/{verein.pk}/neu/",
        "offer-edit": f"/mein-verein/angebote/{offer.pk}/bearbeiten/",
        "found-organisation": "/mein-verein/organisation/anlegen/",
        "join-organisation": "/mein-verein/organisation/beitreten/",
        "members": f"/mein-verein/organisation/{verein.pk}/mitglieder/",
        "applications": "/mein-verein/bewerbungen/",
        "invitation": f"/mein-verein/einladung/{token}/",
    }
    for name, path in members_only.items():
        walk.open(base + path)
        assert page.locator("h1").count() == 1, name
        walk.look(name, prefix="verein")
    assert walk.violations == {}, json.dumps(walk.violations, indent=2, ensure_ascii=False)
