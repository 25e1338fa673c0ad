"""A filled opportunity with a waiting list keeps taking applications; a free place is announced."""

import pytest

from engagement.applications import services
from engagement.applications.models import Application
from tests.applications.conftest import apply, committed, post
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(
        organisation=verein_bretten, title="Tafel-Ausgabe", volunteers_needed=1, waiting_list=True
    )


def fill(page, member, confirmed):
    application, status_link = confirmed(opportunity=page)
    committed(services.change_status, application, "accepted", by=member)
    page.refresh_from_db()
    assert page.recruitment_status == "filled"
    return application, status_link


def test_a_filled_opportunity_with_a_waiting_list_still_shows_the_form_and_says_so(
    client, member, page, confirmed
):
    fill(page, member, confirmed)
    content = client.get(page.url).content.decode()
    assert "Alle Plätze vergeben – Warteliste offen" in content
    assert "Sie kommen auf die Warteliste." in content
    assert f'action="/bewerben/{page.pk}/"' in content


def test_without_a_waiting_list_a_filled_opportunity_refuses_applications(
    client, member, verein_bretten, confirmed
):
    page = make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=1)
    fill(page, member, confirmed)
    assert f'action="/bewerben/{page.pk}/"' not in client.get(page.url).content.decode()
    response = apply(client, page, email="tom@example.org")
    assert response.status_code == 400
    assert "Für dieses Angebot sind gerade keine Bewerbungen möglich." in response.content.decode()
    assert Application.objects.filter(email="tom@example.org").count() == 0


def test_an_application_to_a_full_opportunity_lands_on_the_waiting_list_and_everybody_is_told(
    client, member, page, mailoutbox, confirmed
):
    first, _ = fill(page, member, confirmed)
    mailoutbox.clear()
    second, _ = confirmed(email="tom@example.org", name="Tom Berg")
    assert second.on_waiting_list and not first.on_waiting_list
    received = next(mail for mail in mailoutbox if mail.subject == "Ihre Bewerbung: Tafel-Ausgabe")
    assert "Sie stehen auf der Warteliste" in received.body
    notification = next(mail for mail in mailoutbox if mail.to == [member.email])
    assert notification.subject == "Neue Bewerbung für die Warteliste: Tafel-Ausgabe"
    assert "Tom Berg" not in notification.body

    client.force_login(member)
    waiting = client.get("/mein-verein/bewerbungen/", {"waiting_list": "true"}).content.decode()
    assert "Tom Berg" in waiting and "Mia Kraus" not in waiting
    others = client.get("/mein-verein/bewerbungen/", {"waiting_list": "false"}).content.decode()
    assert "Mia Kraus" in others and "Tom Berg" not in others


def test_a_free_place_tells_the_organisation_how_many_wait_without_names(
    client, member, page, mailoutbox, confirmed
):
    _, first_status_link = fill(page, member, confirmed)
    confirmed(email="tom@example.org", name="Tom Berg")
    confirmed(email="ana@example.org", name="Ana Lopez")
    mailoutbox.clear()

    post(client, first_status_link, {"action": "withdraw", "confirm": "yes"})

    page.refresh_from_db()
    assert page.recruitment_status == "open"
    [place_free] = [mail for mail in mailoutbox if mail.subject == "Ein Platz ist frei: Tafel-Ausgabe"]
    assert place_free.to == [member.email]
    assert "2 Personen stehen auf der Warteliste" in place_free.body
    assert "Tom" not in place_free.body and "Ana" not in place_free.body
    assert f"/mein-verein/bewerbungen/?opportunity={page.pk}&waiting_list=true" in place_free.body


def test_no_free_place_mail_when_nobody_waits(client, member, page, mailoutbox, confirmed):
    _, status_link = fill(page, member, confirmed)
    mailoutbox.clear()
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    assert not [mail for mail in mailoutbox if mail.subject.startswith("Ein Platz ist frei")]


def test_the_waiting_list_filter_shows_no_other_organisations_applications(
    client, member, page, confirmed, ettlingen
):
    from tests.factories import MembershipFactory, OrganisationFactory

    fill(page, member, confirmed)
    confirmed(email="tom@example.org", name="Tom Berg")
    stranger = MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user
    client.force_login(stranger)
    content = client.get("/mein-verein/bewerbungen/", {"waiting_list": "true"}).content.decode()
    assert "Tom Berg" not in content and "Keine Bewerbungen." in content


def test_the_status_page_says_when_the_application_is_on_the_waiting_list(client, member, page, confirmed):
    first, first_link = fill(page, member, confirmed)
    _, waiting_link = confirmed(email="tom@example.org", name="Tom Berg")
    waiting = client.get(waiting_link).content.decode()
    assert "Auf der Warteliste" in waiting and "Sie stehen auf der Warteliste." in waiting
    accepted = client.get(first_link).content.decode()
    assert "Zugesagt" in accepted and "Warteliste" not in accepted
