"""The alert form and an alert mail as people see them, at 1280 and 375 px: the form in the browser, the
mail (HTML and plain text) rendered from the outbox as a mail program would show it."""

import datetime as dt
import html

import pytest
from django.utils import timezone

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit

pytestmark = pytest.mark.e2e

WIDTHS = [1280, 375]


def no_horizontal_scrolling(page):
    scroll_width, inner_width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, (scroll_width, inner_width)


def test_the_alert_form_and_an_alert_mail_at_both_widths(page, site):
    from engagement.alerts import services
    from engagement.mail.models import OutgoingMail
    from tests.factories import make_opportunity

    SCREENSHOTS.mkdir(exist_ok=True)
    form_url = f"{site['base']}/benachrichtigungen/neu/?q=Lebensmittel&city=bretten"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert visit(page, form_url) == 200
        assert page.locator("h1").count() == 1
        assert axe_violations(page) == []
        no_horizontal_scrolling(page)
        page.screenshot(path=str(SCREENSHOTS / f"alert-form-{width}.png"), full_page=True)

    alert = services.subscribe(
        query_string="q=Lebensmittel&city=bretten",
        city=None,
        email="lea@example.org",
        frequency="weekly",
        language="de",
        client_address="127.0.0.1",
    )
    services.confirm(alert, now=timezone.now() - dt.timedelta(days=8))
    make_opportunity(
        organisation=site["verein"],
        title="Lebensmittel abholen beim Supermarkt",
        teaser="Mit dem Lastenrad Spenden abholen.",
    )
    assert services.send_alert(alert.pk) >= 1
    mail = OutgoingMail.objects.get(key__startswith=f"alert:{alert.pk}:")
    assert "Lebensmittel abholen beim Supermarkt" in mail.body
    assert "Lebensmittel abholen beim Supermarkt" in mail.html_body
    text_page = (
        '<!DOCTYPE html><html lang="de"><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Text</title>'
        '<body style="margin:0;padding:1rem;font:15px/1.45 monospace;white-space:pre-wrap;'
        f'overflow-wrap:anywhere">{html.escape(mail.subject)}\n\n{html.escape(mail.body)}</body></html>'
    )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.set_content(mail.html_body, wait_until="load")
        no_horizontal_scrolling(page)
        page.screenshot(path=str(SCREENSHOTS / f"alert-mail-html-{width}.png"), full_page=True)
        page.set_content(text_page, wait_until="load")
        page.screenshot(path=str(SCREENSHOTS / f"alert-mail-text-{width}.png"), full_page=True)
