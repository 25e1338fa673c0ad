"""A Verein member switches the second factor on in a real browser, and the next login asks for a code:
every step without WCAG violations, at a desktop's and a phone's width."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django_otp.oath import TOTP

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


@pytest.fixture
def member(site, settings):
    from tests.factories import MembershipFactory, UserFactory

    settings.DEMO_MODE = False
    return MembershipFactory(organisation=site["verein"], user=UserFactory(username="verein-bretten")).user


def submit(page):
    with page.expect_navigation():
        page.locator("main form.ev-form button[type=submit]").click()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_member_switches_two_factors_on_and_the_next_login_asks_for_a_code(page, site, member, width):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    base = site["base"]
    page.set_viewport_size({"width": width, "height": 900})
    found = {}

    def check(name):
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = violations
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"verein-two-factor-{name}-{width}.png"), full_page=True)

    log_in(page, base, "verein-bretten")
    check("overview")
    with page.expect_navigation():
        page.get_by_role("link", name="Zwei-Faktor-Anmeldung").click()
    check("setup")
    assert page.locator(".ev-qr-code svg").is_visible()
    page.fill("input[name=token]", "falsch")
    submit(page)
    check("setup-with-errors")
    assert "Dieser Code stimmt nicht." in page.locator("main").inner_text()
    # django-otp checks no code for a second after a wrong one (its per-device throttle): a person
    # typing the right code takes longer than that.
    page.wait_for_timeout(1_500)
    page.fill("input[name=token]", current_code(TOTPDevice.objects.get(user=member)))
    submit(page)
    check("recovery-codes")
    codes = page.locator("main li code").all_inner_texts()
    assert len(codes) == 10

    visit(page, f"{base}/mein-verein/")
    with page.expect_navigation():
        page.locator("main form[action$='/abmelden/'] button").click()
    log_in(page, base, "verein-bretten")
    assert urlsplit(page.url).path == "/mein-verein/anmelden/zweiter-faktor/"
    check("verify")
    page.fill("input[name=token]", codes[0])
    submit(page)
    assert urlsplit(page.url).path == "/mein-verein/"
    assert re.search("Mein Verein", page.locator("h1").inner_text())
    assert found == {}, found
