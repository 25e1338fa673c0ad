"""Every public form sends on a city's own host (and under /en/ there), as a citizen meets it: no CSRF
failure, no detour to another host."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def city_host(request, live_server, settings):
    """Bretten under its own host name on the live server's port; the portal at the live server."""
    port = urlsplit(live_server.url).port
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.CITY_HOSTS = {"bretten": f"engagement.bretten.localhost:{port}"}
    site = request.getfixturevalue("site")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "engagement.bretten.localhost"]
    from django.core.cache import cache

    cache.clear()  # Wagtail caches the site root paths
    return {**site, "city": f"http://engagement.bretten.localhost:{port}"}


def fill_and_send(page, form, values, checkboxes=()):
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    for label in checkboxes:
        form.get_by_label(label).check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def on_host(page, origin):
    assert f"{urlsplit(page.url).scheme}://{urlsplit(page.url).netloc}" == origin, page.url


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_public_form_sends_on_the_city_host(page, city_host, language):
    from engagement.applications.models import Application
    from engagement.legal.models import AccessibilityFeedback
    from engagement.moderation.models import ContentReport

    origin, prefix = city_host["city"], "" if language == "de" else "/en"
    reading = city_host["reading"]
    german = language == "de"

    # Search from the city's start page: stays on the city host, in the city.
    page.goto(f"{origin}{prefix}/")
    search = page.locator("form[role=search]").first
    search.get_by_label("Was möchten Sie tun?" if german else "What would you like to do?").fill("Vorlesen")
    with page.expect_navigation():
        search.locator("button[type=submit]").click()
    on_host(page, origin)
    assert page.get_by_role("link", name="Vorlesen im Seniorenheim").count() == 1

    # Apply on the offer's page.
    with page.expect_navigation():
        page.get_by_role("link", name="Vorlesen im Seniorenheim").click()
    on_host(page, origin)
    apply = page.locator("section.ev-apply form")
    apply.locator("input[name=name]").fill("Erika Muster")
    apply.locator("input[name=email]").fill("erika@example.org")
    apply.locator("textarea[name=message]").fill("Ich lese gern vor.")
    for checkbox in apply.locator("input[type=checkbox]:not([name=is_minor])").all():
        checkbox.check()
    with page.expect_navigation():
        apply.locator("button[type=submit]").click()
    on_host(page, origin)
    assert page.locator("h1").inner_text() == ("Fast geschafft!" if german else "Almost done!")
    assert Application.objects.filter(opportunity=reading, email="erika@example.org").exists()

    # Report the offer's content.
    page.goto(f"{origin}{prefix}/{reading.slug}/")
    with page.expect_navigation():
        page.locator(".ev-report-link a").click()
    on_host(page, origin)
    report = page.locator("main form")
    report.locator("input[name=reason]").first.check()
    with page.expect_navigation():
        report.locator("button[type=submit]").click()
    on_host(page, origin)
    assert ContentReport.objects.filter(opportunity=reading).count() == 1

    # Report a barrier on the city's accessibility statement.
    page.goto(f"{origin}{prefix}/barrierefreiheit/")
    feedback = page.locator("#feedback form")
    feedback.locator("textarea[name=message]").fill("Der Fokus ist auf der Karte nicht zu sehen.")
    with page.expect_navigation():
        feedback.locator("button[type=submit]").click()
    on_host(page, origin)
    assert urlsplit(page.url).path == f"{prefix}/barrierefreiheit/"
    assert page.locator("#feedback .kern-alert--success").count() == 1
    assert AccessibilityFeedback.objects.get().city_id == city_host["bretten"].pk

    # The same statement on the portal (the city's section there): the form stays on the portal.
    page.goto(f"{city_host['base']}{prefix}/bretten/barrierefreiheit/")
    feedback = page.locator("#feedback form")
    feedback.locator("textarea[name=message]").fill("Die Suche ist mit Vorlesefunktion schwer zu bedienen.")
    with page.expect_navigation():
        feedback.locator("button[type=submit]").click()
    on_host(page, city_host["base"])
    assert page.locator("#feedback .kern-alert--success").count() == 1
    assert AccessibilityFeedback.objects.filter(city=city_host["bretten"]).count() == 2
    page.goto(f"{origin}{prefix}/barrierefreiheit/")

    # Switch the language: the same page in the other one, on the same host.
    page.select_option("#ev-language-select", "en" if german else "de")
    with page.expect_navigation():
        page.click(".ev-language button[type=submit]")
    on_host(page, origin)
    assert urlsplit(page.url).path == ("/en/barrierefreiheit/" if german else "/barrierefreiheit/")
