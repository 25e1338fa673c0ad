"""An offer that is over, opened by its address before the daily sweep takes it offline: it says so,
shows no form, points to similar open offers; a form sent anyway gets the same message."""

import datetime as dt

import pytest
from django.utils import timezone

from engagement.applications.models import Application
from engagement.opportunities.models import OpportunityPage
from tests.factories import in_days, make_opportunity

pytestmark = pytest.mark.django_db

APPLICATION = {"name": "Mia Kraus", "email": "mia@example.org", "message": "Ich helfe gern.", "consent": "on"}


def ended(page, **fields):
    """What the offer looks like after the day it ended (publishing refuses dates in the past)."""
    OpportunityPage.objects.filter(pk=page.pk).update(**fields)
    return OpportunityPage.objects.get(pk=page.pk)


@pytest.fixture
def similar_open(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Vorlesen in der Kita")


YESTERDAY = timezone.localdate() - dt.timedelta(days=1)


@pytest.mark.parametrize(
    "fields",
    [
        {"application_deadline": YESTERDAY},
        {"end_date": YESTERDAY},
        {"schedule_kind": "one_off", "rhythm": "", "event_start": in_days(-2), "event_end": in_days(-2, 12)},
    ],
    ids=["deadline passed", "period ended", "one-off in the past"],
)
def test_an_ended_offer_says_so_shows_no_form_and_points_to_similar_open_offers(
    client, verein_bretten, similar_open, fields
):
    page = ended(make_opportunity(organisation=verein_bretten, waiting_list=True), **fields)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Angebot ist beendet." in html and "Bewerbungen sind nicht mehr möglich." in html
    assert f'action="/bewerben/{page.pk}/"' not in html and 'name="consent"' not in html
    assert "Warteliste offen" not in html and "Bewerben Sie sich hier" not in html
    assert 'href="#similar"' in html and "Ähnliche offene Angebote" in html
    assert "Vorlesen in der Kita" in html


def test_a_form_sent_to_an_ended_offer_gets_the_same_german_message_and_saves_nothing(
    client, verein_bretten, similar_open
):
    page = ended(make_opportunity(organisation=verein_bretten), application_deadline=YESTERDAY)
    response = client.post(f"/bewerben/{page.pk}/", APPLICATION)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Dieses Angebot ist beendet." in html and "Vorlesen in der Kita" in html
    assert 'name="consent"' not in html
    assert not Application.objects.exists()
    assert client.get(f"/bewerben/{page.pk}/").status_code == 410


def test_the_ended_message_names_the_day_it_ended_in_the_visitors_language(client, verein_bretten):
    page = ended(make_opportunity(organisation=verein_bretten), end_date=dt.date(2026, 3, 14))
    assert "Es endete am 14. März 2026." in client.get(page.url).content.decode()
    english = client.get(f"/en{page.url}").content.decode()
    assert "This opportunity has ended." in english and "It ended on 14 March 2026." in english


def test_a_running_offer_is_not_ended_on_its_last_day(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, end_date=timezone.localdate())
    assert not page.has_ended
    assert 'name="consent"' in client.get(page.url).content.decode()
