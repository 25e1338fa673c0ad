"""Journeys as a citizen met them broken, walked in the browser: an offer that is over, opened by its
address; an application to a full offer, followed to its status page on the waiting list."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage
from tests.e2e.test_public_pages import visit

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_ended_offer_says_so_shows_no_form_and_leads_to_similar_open_offers(page, site):
    reading = site["reading"]
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    OpportunityPage.objects.filter(pk=reading.pk).update(application_deadline=yesterday)

    visit(page, site["base"] + reading.url)
    assert page.get_by_text("Dieses Angebot ist beendet.").first.is_visible()
    assert page.locator(f"form[action='/bewerben/{reading.pk}/']").count() == 0
    assert page.get_by_text("Warteliste offen").count() == 0
    page.get_by_role("link", name=re.compile("Ähnliche offene Angebote")).first.click()
    similar = page.get_by_role("link", name="Lebensmittel ausgeben beim Sommerfest")
    assert similar.is_visible()
    with page.expect_navigation():
        similar.click()
    assert page.locator("h1").inner_text() == "Lebensmittel ausgeben beim Sommerfest"


def test_an_application_to_a_full_offer_reads_waiting_list_on_its_status_page(page, site, mailoutbox):
    reading = site["reading"]
    OpportunityPage.objects.filter(pk=reading.pk).update(
        volunteers_needed=1, waiting_list=True, recruitment_status="filled"
    )

    visit(page, site["base"] + reading.url)
    assert page.get_by_text("Alle Plätze sind vergeben.").first.is_visible()
    form = page.locator("section.ev-apply form")
    form.locator("input[name=name]").fill("Tom Berg")
    form.locator("input[name=email]").fill("tom@example.org")
    form.locator("textarea[name=message]").fill("Ich springe gern ein.")
    form.locator("input[name=age_confirmed]").check()  # the offer welcomes volunteers from 14 on
    form.locator("input[name=consent]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()
    assert page.locator("h1").inner_text() == "Fast geschafft!"

    confirm = next(
        path
        for mail in mailoutbox
        for path in re.findall(r"https?://[^/\s]+(/\S*bewerbung/bestaetigen/\S+)", mail.body)
    )
    visit(page, site["base"] + confirm)
    button = page.locator("main form button[type=submit]")
    if button.count():  # the confirmation is a POST, so a mail scanner's visit confirms nothing
        with page.expect_navigation():
            button.first.click()
    status = next(
        path
        for mail in mailoutbox
        for path in re.findall(r"https?://[^/\s]+(/bewerbung/[^/\s]+/)", mail.body)
        if "bestaetigen" not in path
    )
    visit(page, site["base"] + status)
    assert urlsplit(page.url).path == status
    assert page.get_by_text("Auf der Warteliste").first.is_visible()
    assert page.get_by_text("Sie stehen auf der Warteliste.").first.is_visible()
