"""An administrator checks a Freiwilligendatenbank CSV in the admin and imports it, in a real browser;
the report page has no WCAG violations that axe finds, at desktop and phone width."""

import pytest

from tests.exchange.test_import import a_row, csv_file

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e


def test_an_administrator_checks_and_imports_a_file(page, site, tmp_path):
    from django.contrib.auth import get_user_model

    from engagement.opportunities.models import OpportunityPage

    get_user_model().objects.create_superuser("admin", "admin@example.org", "secret")
    path = tmp_path / "angebote.csv"
    path.write_bytes(
        csv_file(
            [
                a_row(),
                a_row(**{"Angebots-ID": "fwdb-4712", "Titel": "Lesepatenschaft", "Zeitaufwand": ""}),
            ]
        )
    )
    base = site["base"]
    log_in(page, base, "admin", "/admin/login/")
    visit(page, base + "/admin/datenaustausch/")
    page.set_input_files("input[name=csv_file]", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Nur prüfen (Probelauf)").click()
    assert page.get_by_text("Ergebnis der Prüfung (Probelauf)").is_visible()
    assert page.get_by_text("Wird als Entwurf in Bretten angelegt und zur Prüfung eingereicht.").is_visible()
    assert not OpportunityPage.objects.filter(source_id__startswith="fwdb-").exists()
    assert axe_violations(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"exchange-dry-run-{width}.png", full_page=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.set_input_files("input[name=csv_file]", str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Prüfen und importieren").click()
    assert page.get_by_text("Ergebnis des Imports").is_visible()
    assert OpportunityPage.objects.filter(source_id__startswith="fwdb-").count() == 2
    page.screenshot(path=SCREENSHOTS / "exchange-imported-1280.png", full_page=True)
