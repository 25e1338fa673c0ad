"""Every public page type in a real browser: axe-core at WCAG 2.1 A/AA, own origin only, reflow,
keyboard, screenshots; in German and English."""

import json
import re
from urllib.parse import urlsplit

import pytest

from .conftest import AXE_SCRIPT, SCREENSHOTS, page_urls

# No django_db marker: its autouse setup would run before `site` and empty the database after
# `site` restored it. The `site` fixture asks for the transactional database itself.
pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EXPECTED_STATUS = {"not-found": 404, "search-error": 400, "finder-question-error": 400}


def visit(page, url):
    response = page.goto(url, wait_until="load")
    return response.status


def axe_violations(page):
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def submit_feedback_with_errors(page, base, path):
    visit(page, base + path)
    page.fill("#id_email", "kaputt@")
    page.click("#feedback button[type=submit]")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_type_has_no_wcag_violations(page, site, language):
    base = site["base"]
    found = {}
    for name, path in page_urls(site, language).items():
        status = visit(page, base + path)
        assert status == EXPECTED_STATUS.get(name, 200), f"{name}: HTTP {status}"
        assert page.evaluate("document.documentElement.lang") == language, name
        assert page.locator("h1").count() == 1, f"{name}: genau eine h1"
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    apply_path = f"{'' if language == 'de' else '/en'}/bewerben/{site['reading'].pk}/"
    visit(page, base + apply_path)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert page.locator("[aria-invalid=true]").count() > 0, "apply form shows its errors"
    violations = axe_violations(page)
    if violations:
        found["apply-with-errors"] = violations
    submit_feedback_with_errors(page, base, page_urls(site, language)["accessibility"])
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    violations = axe_violations(page)
    if violations:
        found["feedback-with-errors"] = violations
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_pages_load_nothing_from_other_hosts(page, site):
    base = site["base"]
    own = urlsplit(base).netloc
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    foreign = {}
    paths = {**page_urls(site, "de"), **{f"en-{k}": v for k, v in page_urls(site, "en").items()}}
    for name, path in paths.items():
        requests.clear()
        visit(page, base + path)
        page.wait_for_load_state("networkidle")
        assert requests, f"{name}: keine Anfrage aufgezeichnet"
        others = sorted(
            {url for url in requests if urlsplit(url).netloc != own and not url.startswith("data:")}
        )
        if others:
            foreign[name] = others
        # The page's own stylesheets and fonts really arrive from our host.
        assert any("/static/kern/kern.css" in url for url in requests), name
        assert any(re.search(r"/static/kern/fonts/fira-sans-[\w-]+\.woff2$", url) for url in requests), name
    assert foreign == {}


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_of_the_main_pages(page, site, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for language in ["de", "en"]:
        for name in ["home", "city", "search-results", "opportunity", "organisation", "accessibility"]:
            visit(page, site["base"] + page_urls(site, language)[name])
            target = SCREENSHOTS / f"{name}-{language}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("width", "zoom"),
    [(320, 1), (640, 2)],
    ids=["320px", "200-percent-zoom"],
)
def test_no_horizontal_scrolling_at_320_css_pixels(browser, site, width, zoom):
    # 200 % zoom of a 640 px window is 320 CSS pixels, rendered at twice the device scale.
    context = browser.new_context(viewport={"width": width // zoom, "height": 800}, device_scale_factor=zoom)
    page = context.new_page()
    try:
        too_wide = {}
        for name, path in page_urls(site, "de").items():
            visit(page, site["base"] + path)
            scroll_width, inner_width = page.evaluate(
                "[document.scrollingElement.scrollWidth, window.innerWidth]"
            )
            if scroll_width > inner_width:
                too_wide[name] = (scroll_width, inner_width)
        assert too_wide == {}
    finally:
        context.close()


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName, id: el.id, text: (el.textContent || '').trim().slice(0, 60),
                    cls: el.className, inNav: !!el.closest('nav.ev-nav'),
                    inSearch: !!el.closest('form[role=search]'),
                    // KERN draws the ring of a stretched card link on its ::after box.
                    focusRing: [getComputedStyle(el), getComputedStyle(el, '::after')].some(
                        style => style.outlineStyle !== 'none' || style.boxShadow !== 'none')};
        }"""
    )


def test_keyboard_reaches_skip_link_navigation_and_search_form_in_order(page, site):
    visit(page, site["base"] + "/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["cls"] == "ev-skip-link"
    assert page.locator(".ev-skip-link").bounding_box()["y"] >= 0, "skip link becomes visible on focus"
    assert first["focusRing"]
    order = []
    for _ in range(25):
        page.keyboard.press("Tab")
        order.append(focused(page))
    nav_index = next(i for i, el in enumerate(order) if el["inNav"])
    search_index = next(i for i, el in enumerate(order) if el["inSearch"])
    assert nav_index < search_index
    assert order[search_index]["id"].endswith("-q"), "the search form starts with the query field"
    controls = [el for el in order if el["tag"] in {"A", "INPUT", "SELECT", "BUTTON", "TEXTAREA"}]
    assert [el for el in controls if not el["focusRing"]] == [], "every focused control shows a focus ring"

    # The skip link moves the focus to the main content.
    visit(page, site["base"] + "/bretten/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_language_switch_keeps_the_page_and_formats_numbers_per_language(page, site):
    base = site["base"]
    visit(page, base + page_urls(site, "de")["opportunity"])
    assert "2,5" in page.inner_text("main")
    page.select_option("#ev-language-select", "en")
    with page.expect_navigation():
        page.click(".ev-language button[type=submit]")
    assert page.url.startswith(base + "/en/bretten/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    assert "2.5" in page.inner_text("main")
    page.select_option("#ev-language-select", "de")
    with page.expect_navigation():
        page.click(".ev-language button[type=submit]")
    assert urlsplit(page.url).path.startswith("/bretten/")


def test_citizen_reports_a_barrier_with_the_keyboard_and_the_city_gets_it(page, site, mailoutbox):
    from engagement.legal.models import AccessibilityFeedback

    visit(page, site["base"] + "/bretten/")
    with page.expect_navigation():
        page.get_by_role("link", name="Erklärung zur Barrierefreiheit").click()
    page.focus("#id_name")
    page.keyboard.type("Erika Muster")
    page.keyboard.press("Tab")
    page.keyboard.type("erika@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Suche")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_message"
    page.keyboard.type("Der Fokus ist auf der Karte nicht zu sehen.")
    page.keyboard.press("Tab")
    assert focused(page)["tag"] == "BUTTON", "the honeypot is not in the tab order"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("Danke! Ihre Nachricht ist angekommen.").is_visible()
    stored = AccessibilityFeedback.objects.get()
    assert stored.city_id == site["bretten"].pk
    assert [message.to for message in mailoutbox] == [["ehrenamt@bretten.example.org"]]


def test_citizen_searches_opens_an_opportunity_and_applies(page, site):
    visit(page, site["base"] + "/")
    search = page.locator("form[role=search]").first
    search.get_by_label("Ort oder PLZ").fill("75015")
    search.get_by_label("Umkreis").select_option("10")
    search.get_by_label("Was möchten Sie tun?").fill("Vorlesen")
    with page.expect_navigation():
        search.get_by_role("button", name="Angebote finden").click()
    assert urlsplit(page.url).path == "/suche/"
    assert page.get_by_role("link", name="Hausaufgabenhilfe in Ettlingen").count() == 0  # 25 km away
    with page.expect_navigation():
        page.get_by_role("link", name="Vorlesen im Seniorenheim").click()
    assert page.locator("h1").inner_text() == "Vorlesen im Seniorenheim"
    assert page.get_by_role("heading", name="Mitmachen").is_visible()

    # Apply with the keyboard only: type, Tab on, tick the consent with Space, send with Enter.
    apply = page.locator("section.ev-apply form")
    apply.locator("input[name=name]").focus()
    page.keyboard.type("Erika Muster")
    visited = []
    for _ in range(15):
        page.keyboard.press("Tab")
        current = page.evaluate("[document.activeElement.name, document.activeElement.type]")
        visited.append(current[0])
        if current[0] == "email":
            page.keyboard.type("erika@example.org")
        elif current[0] == "message":
            page.keyboard.type("Ich lese gern vor und habe mittwochs Zeit.")
        elif current[1] == "checkbox" and current[0] != "is_minor":  # an adult applies
            page.keyboard.press("Space")
        elif current[1] == "submit":
            break
    assert "website" not in visited, "the honeypot is not in the tab order"
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Fast geschafft!"
