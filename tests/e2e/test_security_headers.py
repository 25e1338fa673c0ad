"""The Content-Security-Policy in a real browser: public pages run their scripts and refuse injected
inline ones; the Wagtail admin still works under its policy."""

import pytest

from .test_public_pages import visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def strict_page(browser):
    """A browser tab that obeys the CSP (the shared `page` fixture bypasses it to inject axe)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def violations(page):
    return page.evaluate("() => window.__cspViolations")


def test_an_injected_inline_script_is_refused_on_public_pages(strict_page, site):
    visit(strict_page, site["base"] + "/")
    strict_page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true;";
            document.body.appendChild(script);
        }"""
    )
    assert strict_page.evaluate("() => window.__injected === undefined")
    assert any(entry.startswith("script-src") for entry in violations(strict_page))


def test_public_pages_run_their_own_scripts_without_a_violation(strict_page, site):
    base = site["base"]
    for path in ["/", "/suche/?q=Vorlesen", f"/bretten/{site['reading'].slug}/", "/mein-verein/anmelden/"]:
        assert visit(strict_page, base + path) == 200, path
        assert violations(strict_page) == [], path


def test_the_admin_page_editor_works_under_its_policy(strict_page, site):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    base = site["base"]
    log_in(strict_page, base, "redaktion-bretten", "/admin/login/")
    assert visit(strict_page, f"{base}/admin/pages/{site['reading'].pk}/edit/") == 200
    # Wagtail's editor scripts ran: the form is wired up by its Stimulus controllers.
    strict_page.wait_for_selector("[data-controller~='w-action']", state="attached")
    assert strict_page.evaluate("() => typeof window.wagtail === 'object'")
    assert violations(strict_page) == []
