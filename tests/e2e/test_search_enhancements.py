"""The search box's JavaScript in a real browser: suggestions as an ARIA combobox operated by keyboard,
"Meinen Standort verwenden", and the plain form without JavaScript."""

from urllib.parse import parse_qs, urlsplit

import pytest

from .test_public_pages import axe_violations, visit

pytestmark = pytest.mark.e2e

BRETTEN = {"latitude": 49.0363, "longitude": 8.7068}


def test_suggestions_are_a_keyboard_operable_combobox(page, site):
    visit(page, site["base"] + "/")
    field = page.locator("#home-search-q")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"
    field.focus()
    page.keyboard.type("Vorlsen")  # a typo
    listbox = page.locator("#home-search-q-listbox")
    listbox.get_by_role("option", name="Vorlesen im Seniorenheim").wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == "home-search-q-listbox"
    status = page.locator(".ev-combobox [role=status]")
    page.wait_for_function("el => el.textContent.includes('Vorschl')", arg=status.element_handle())
    assert axe_violations(page) == [], "no WCAG violations with the suggestions open"

    page.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    option_text = page.locator(f"#{active}").get_attribute("data-value")
    page.keyboard.press("Enter")  # takes the suggestion, does not submit yet
    assert field.input_value() == option_text
    assert field.get_attribute("aria-expanded") == "false"
    assert urlsplit(page.url).path == "/"
    page.keyboard.press("Escape")  # closed list: Escape empties the field
    assert field.input_value() == ""
    page.keyboard.type("Vorlsen")
    listbox.get_by_role("option").first.wait_for()
    page.keyboard.press("Escape")  # open list: Escape only closes it
    assert field.input_value() == "Vorlsen"
    assert field.get_attribute("aria-expanded") == "false"

    field.fill("Vorlesen im Seniorenheim")
    with page.expect_navigation():
        page.locator("form[role=search] button[type=submit]").first.click()
    assert page.get_by_role("link", name="Vorlesen im Seniorenheim").count() == 1


def test_my_location_fills_near_and_the_search_finds_what_is_close(browser, site):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="de-DE",
        geolocation=BRETTEN,
        permissions=["geolocation"],
    )
    page = context.new_page()
    try:
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        visit(page, site["base"] + "/")
        button = page.get_by_role("button", name="Meinen Standort verwenden")
        assert button.is_visible()
        button.click()
        page.get_by_text("Ihr Standort ist eingetragen.").wait_for()
        assert page.locator("#home-search-near").input_value() == "49.036,8.707"
        page.locator("#home-search-radius").select_option("5")
        with page.expect_navigation():
            page.locator("form[role=search] button[type=submit]").first.click()
        query = parse_qs(urlsplit(page.url).query)
        assert query["near"] == ["49.036,8.707"] and query["radius"] == ["5"]
        assert page.get_by_role("link", name="Vorlesen im Seniorenheim").count() == 1
        assert page.get_by_role("link", name="Hausaufgabenhilfe in Ettlingen").count() == 0
        own = urlsplit(site["base"]).netloc
        assert {urlsplit(url).netloc for url in requests if not url.startswith("data:")} == {own}
    finally:
        context.close()


def test_denied_location_is_explained(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="de-DE")
    page = context.new_page()
    try:
        visit(page, site["base"] + "/bretten/")
        page.get_by_role("button", name="Meinen Standort verwenden").click()
        page.get_by_text("Sie haben den Zugriff auf Ihren Standort nicht erlaubt.").wait_for()
        assert page.locator("#city-search-near").input_value() == ""
    finally:
        context.close()


def test_without_javascript_the_form_is_plain_and_still_searches(browser, site):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    try:
        visit(page, site["base"] + "/")
        assert page.get_by_role("button", name="Meinen Standort verwenden").count() == 0
        assert page.locator("#home-search-q").get_attribute("role") is None
        page.fill("#home-search-q", "Vorlesen")
        page.fill("#home-search-near", "75015")
        with page.expect_navigation():
            page.locator("form[role=search] button[type=submit]").first.click()
        assert page.get_by_role("link", name="Vorlesen im Seniorenheim").count() == 1
    finally:
        context.close()
