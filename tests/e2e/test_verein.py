"""The Verein area and the city's moderation in a real browser: a Verein logs in, drafts and submits an
opportunity, the city's editor approves it in the Wagtail admin and it appears in search."""

import json
from urllib.parse import urlsplit

import pytest

from .test_public_pages import axe_violations, visit

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(site):
    from django.contrib.auth.models import Group

    from tests.factories import MembershipFactory, UserFactory

    member = MembershipFactory(organisation=site["verein"], user=UserFactory(username="verein-bretten")).user
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return {"member": member, "editor": editor}


def log_in(page, base, username, path="/mein-verein/anmelden/"):
    visit(page, base + path)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "secret")
    with page.expect_navigation():
        page.locator("main form button[type=submit], form#login-form button[type=submit]").last.click()


@pytest.mark.parametrize("language", ["de", "en"])
def test_verein_pages_have_no_wcag_violations(page, site, people, language):
    base = site["base"]
    prefix = "" if language == "de" else "/en"
    verein = site["verein"]
    found = {}

    def check(name):
        assert page.locator("h1").count() == 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = violations

    visit(page, f"{base}{prefix}/mein-verein/anmelden/")
    check("login")
    page.fill("input[name=username]", "verein-bretten")
    page.fill("input[name=password]", "falsch")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    check("login-with-errors")
    log_in(page, base, "verein-bretten", f"{prefix}/mein-verein/anmelden/")
    assert urlsplit(page.url).path == f"{prefix}/mein-verein/"
    check("overview")
    visit(page, f"{base}{prefix}/mein-verein/organisation/{verein.pk}/neu/")
    check("opportunity-form")
    with page.expect_navigation():
        page.locator("main form button[name=save]").click()
    assert page.locator("[aria-invalid=true]").count() > 0
    check("opportunity-form-with-errors")
    # The last link of the error summary opens the step of its field, even when that step was hidden.
    last_error = page.locator(".kern-alert--danger a[href^='#id_']").last
    target = last_error.get_attribute("href")
    last_error.click()
    assert page.locator(target).is_visible()
    assert page.evaluate("document.activeElement.id") == target[1:]
    visit(page, f"{base}{prefix}/mein-verein/organisation/{verein.pk}/mitglieder/")
    check("members")
    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_verein_submits_and_the_city_editor_approves_in_the_admin(browser, page, site, people):
    from engagement.opportunities.models import OpportunityPage

    base = site["base"]
    log_in(page, base, "verein-bretten")
    visit(page, f"{base}/mein-verein/organisation/{site['verein'].pk}/neu/")
    # Step by step: one step shows at a time; "Weiter" moves on and puts the focus on the new step.
    steps = page.locator(".ev-form-step")
    assert steps.count() == 9 and steps.nth(1).is_hidden()
    page.fill("#id_title", "Lesepat:in für Grundschulkinder")
    page.fill("#id_teaser", "Einmal pro Woche vorlesen.")
    page.fill("#id_description", "Sie lesen Kindern vor.")
    page.locator("input[name=categories]").first.check()
    next_step = page.get_by_role("button", name="Weiter")
    next_step.click()
    assert page.evaluate("document.activeElement.textContent").strip() == "2. Bild"
    next_step.click()
    page.fill("#id_postcode", "75015")
    page.fill("#id_place", "Bretten")
    next_step.click()  # accessibility and inclusion: nothing to say here
    next_step.click()
    page.locator("[name=schedule_kind]").select_option("one_off")
    assert page.locator("#id_event_start").is_visible() and page.locator("#id_rhythm").is_hidden()
    page.locator("[name=schedule_kind]").select_option("regular")
    assert page.locator("#id_rhythm").is_visible() and page.locator("#id_event_start").is_hidden()
    page.fill("#id_rhythm", "wöchentlich, dienstags")
    page.get_by_role("button", name="1. Worum geht es?").click()  # the step list jumps back
    assert page.locator("#id_title").is_visible()
    with page.expect_navigation():
        page.locator("main form button[name=submit]").click()
    assert page.get_by_text("In Prüfung").first.is_visible()
    opportunity = OpportunityPage.objects.get(title="Lesepat:in für Grundschulkinder")
    assert not opportunity.live

    editor_context = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = editor_context.new_page()
    try:
        log_in(admin, base, "redaktion-bretten", "/admin/login/")
        visit(admin, f"{base}/admin/pages/{opportunity.pk}/edit/")
        # "Approve" (without comment) sits in the action menu's drop-up; Wagtail's own script sends it.
        toggle = admin.locator("footer [data-w-dropdown-target=toggle]")
        if toggle.count():
            toggle.first.click()
        approve = admin.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        with admin.expect_navigation():
            approve.first.dispatch_event("click")
    finally:
        editor_context.close()

    opportunity.refresh_from_db()
    assert opportunity.live
    visit(page, f"{base}/suche/?q=Lesepat")
    assert page.get_by_role("link", name="Lesepat:in für Grundschulkinder").count() == 1
    # Approved by the city, still the Verein's own offer: no "posted by the city" label.
    with page.expect_navigation():
        page.get_by_role("link", name="Lesepat:in für Grundschulkinder").click()
    assert page.locator("h1").inner_text() == "Lesepat:in für Grundschulkinder"
    assert page.get_by_text("Eingestellt von der Stadt").count() == 0
