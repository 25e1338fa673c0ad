"""The Engagement-Finder in a real browser: the whole flow by keyboard alone, axe on every step,
and screenshots of the questions and the results at 1280 and 375 px."""

import json

import pytest

from engagement.geo.geocoders import locate_place

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit

pytestmark = pytest.mark.e2e


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
            return {tag: el.tagName, id: el.id, name: el.name || '', checked: !!el.checked,
                    text: ((label && label.textContent) || el.textContent || '').trim().slice(0, 80),
                    focusRing: [getComputedStyle(el), getComputedStyle(el, '::after')].some(
                        style => style.outlineStyle !== 'none' || style.boxShadow !== 'none')};
        }"""
    )


def tab_to(page, wanted, limit=80):
    """Press Tab until the focused element satisfies `wanted`; every element on the way shows a ring."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["focusRing"], f"no visible focus on {element}"
        if wanted(element):
            return element
    raise AssertionError("never reached by Tab")


def by_text(text):
    return lambda element: element["text"].startswith(text)


def step(page, found, name):
    violations = axe_violations(page)
    if violations:
        found[name] = violations


@pytest.fixture
def place_names():
    """The offline geocoder reads its list of German places on first use (seconds): before the browser
    waits for a page, as a running server has long done."""
    locate_place("Atlantis")


def test_the_finder_by_keyboard_alone(page, site, place_names):
    found = {}
    visit(page, site["base"] + "/finder/")
    step(page, found, "start")
    tab_to(page, by_text("Zur ersten Frage"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 1: a topic, chosen with the space bar.
    assert "Frage 1 von 6" in page.inner_text("main")
    assert page.locator("fieldset legend").first.inner_text() == "Themen"
    step(page, found, "question-1")
    tab_to(page, by_text("Soziales"))
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    tab_to(page, by_text("Weiter"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 2: skipped.
    assert "Frage 2 von 6" in page.inner_text("main")
    assert "category=soziales" in page.url
    step(page, found, "question-2")
    tab_to(page, by_text("Frage überspringen"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 3: regular, then back to 2 and forward again: the answer stays.
    assert "Frage 3 von 6" in page.inner_text("main")
    step(page, found, "question-3")
    tab_to(page, by_text("regelmäßig"))
    page.keyboard.press("Space")
    tab_to(page, by_text("Weiter"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "schedule=regular" in page.url

    # 4: a postcode, sent with Enter in the field.
    assert "Frage 4 von 6" in page.inner_text("main")
    step(page, found, "question-4")
    tab_to(page, lambda element: element["name"] == "near")
    page.keyboard.type("Atlantis")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Den Ort „Atlantis“ kennen wir nicht." in page.inner_text("main")
    step(page, found, "question-4-error")
    tab_to(page, lambda element: element["name"] == "near")
    page.keyboard.press("Control+A")
    page.keyboard.type("75015")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # 5 and 6: skipped.
    for number in (5, 6):
        assert f"Frage {number} von 6" in page.inner_text("main")
        step(page, found, f"question-{number}")
        tab_to(page, by_text("Frage überspringen"))
        with page.expect_navigation():
            page.keyboard.press("Enter")

    # The results: best first, with the reasons; the answers in the address only.
    assert "/finder/ergebnis/?category=soziales&schedule=regular&near=75015" in page.url
    step(page, found, "results")
    first = page.locator(".ev-finder__results > li").first
    assert "Vorlesen im Seniorenheim" in first.inner_text()
    assert "passt zu: Soziales, regelmäßig, unter 1 km" in " ".join(first.inner_text().split())
    assert page.context.cookies() == []  # nothing kept but the address
    tab_to(page, by_text("Als E-Mail-Benachrichtigung speichern"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/benachrichtigungen/neu/?category=soziales&near=75015" in page.url
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_of_the_finder(page, site, place_names, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    answers = "category=soziales&schedule=regular&days=weekends&near=75015"
    shots = {
        "start": "/finder/",
        **{f"question-{number}": f"/finder/frage/{number}/?{answers}" for number in range(1, 7)},
        "question-5-easy": f"/finder/frage/5/?{answers}&leicht=1",
        "question-4-error": "/finder/frage/4/?near=Atlantis&weiter=1",
        "results": f"/finder/ergebnis/?{answers}",
        "results-en": f"/en/finder/ergebnis/?{answers}",
    }
    for name, path in shots.items():
        visit(page, site["base"] + path)
        target = SCREENSHOTS / f"finder-{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
