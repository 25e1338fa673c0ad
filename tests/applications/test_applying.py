"""Applying without an account: the form, double opt-in, consent record, merge, honeypot, rate limits."""

import datetime as dt

import pytest
from django.utils import timezone
from freezegun import freeze_time

from engagement.applications.consent import CONSENT_VERSION
from engagement.applications.models import Application
from engagement.mail.models import OutgoingMail
from tests.applications.conftest import apply, links, opened_by_link_in, post
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def test_the_opportunity_page_shows_the_form_with_consent_linked_to_the_privacy_notice(client, page):
    html = client.get(page.url).content.decode()
    assert f'action="/bewerben/{page.pk}/"' in html
    consent_hint = html[html.index('id="id_consent_helptext"') :][:600]
    assert "Ihre Angaben sieht nur Tafel Bretten e. V." in consent_hint
    assert 'href="/datenschutz/bewerbungen/"' in consent_hint
    assert 'aria-describedby="id_consent_helptext"' in html


def test_privacy_notice_names_purpose_recipient_retention_and_rights(client):
    html = client.get("/datenschutz/bewerbungen/").content.decode()
    for text in (
        "Wozu?",
        "Nur die Organisation, bei der Sie sich bewerben",
        "90 Tage nach Abschluss",
        "Art. 15",
        "Art. 17",
    ):
        assert text in html


def test_every_validation_error_in_german_keeps_what_was_typed_and_saves_nothing(client, page):
    page.minimum_age = 18
    page.requires_extended_certificate = True
    page.save_revision().publish()
    response = apply(client, page, name="", email="kaputt", message="", consent="")
    assert response.status_code == 400
    html = response.content.decode()
    for text in (
        "Bitte geben Sie Ihren Namen an.",
        "Bitte geben Sie eine E-Mail-Adresse ein",
        "Bitte schreiben Sie ein paar Sätze über sich.",
        "Ohne Ihre Einwilligung",
        "mindestens 18 Jahre alt",
        "erweitertes Führungszeugnis",
    ):
        assert text in html
    assert 'value="kaputt"' in html
    assert not Application.objects.exists()


def test_too_long_message_is_refused_with_a_german_message(client, page):
    response = apply(client, page, message="x" * 3001, name="N" * 151)
    assert response.status_code == 400
    assert "höchstens 3000 Zeichen" in response.content.decode()
    assert not Application.objects.exists()


def test_application_is_saved_unconfirmed_and_the_mail_carries_only_the_link(client, page, mailoutbox):
    response = apply(client, page, phone="07252 123", availability="abends")
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    application = Application.objects.get()
    assert application.email == "mia@example.org" and application.confirmed_at is None
    assert application.consent_version == CONSENT_VERSION and application.consent_given_at is not None
    [mail] = mailoutbox
    assert mail.to == ["mia@example.org"]
    assert "Mia" not in mail.body and "Lesepat" not in mail.body and "Ich lese" not in mail.body
    assert len(links([mail], "/bewerbung/bestaetigen/")) == 1


def test_get_on_the_confirmation_link_confirms_nothing_post_does(client, page, mailoutbox, member):
    apply(client, page)
    confirm = links(mailoutbox, "/bewerbung/bestaetigen/")[0]
    assert "Ja, Bewerbung abschicken" in client.get(confirm).content.decode()
    assert Application.objects.get().confirmed_at is None  # mail scanners follow links with GET
    response = post(client, confirm)
    assert "Danke! Ihre Bewerbung ist bei der Organisation." in response.content.decode()
    application = Application.objects.get()
    assert application.confirmed_at >= application.consent_given_at
    assert post(client, confirm).status_code == 200  # a second click is harmless
    assert OutgoingMail.objects.filter(key__startswith="received:").count() == 1


def test_forged_confirmation_link_is_refused(client):
    response = client.post("/bewerbung/bestaetigen/gefaelscht/")
    assert response.status_code == 400
    assert "Dieser Link gilt nicht (mehr)." in response.content.decode()


def test_expired_confirmation_link_is_refused_and_confirms_nothing(client, page, mailoutbox):
    apply(client, page)
    confirm = links(mailoutbox, "/bewerbung/bestaetigen/")[0]
    with freeze_time(timezone.now() + dt.timedelta(days=7, minutes=1)):
        response = client.post(confirm)
    assert response.status_code == 400
    assert Application.objects.get().confirmed_at is None


def test_unconfirmed_application_is_invisible_to_the_organisation(client, page, member):
    apply(client, page)
    assert not Application.objects.visible_to(member).exists()
    client.force_login(member)
    assert "Mia" not in client.get("/mein-verein/bewerbungen/").content.decode()


def test_duplicate_unconfirmed_application_is_merged_and_the_link_sent_again(client, page, mailoutbox):
    apply(client, page)
    apply(client, page, email=" mia@EXAMPLE.org", message="Noch eine Nachricht")
    application = Application.objects.get()
    assert application.message == "Noch eine Nachricht"
    assert len(links(mailoutbox, "/bewerbung/bestaetigen/")) == 2


def test_duplicate_of_a_confirmed_application_changes_nothing_and_mails_the_status_link(
    client, page, mailoutbox, confirmed
):
    application, status_link = confirmed()
    response = apply(client, page, name="Jemand anderes", message="Überschrieben?")
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()  # same page: no enumeration
    application.refresh_from_db()
    assert Application.objects.count() == 1
    assert application.name == "Mia Kraus" and application.message == "Ich lese gern vor."
    assert mailoutbox[-1].subject == "Sie haben sich schon beworben: Lesepat:in"
    assert opened_by_link_in(mailoutbox[-1]) == application


def test_after_a_withdrawal_the_same_person_may_apply_again(client, page, confirmed):
    application, status_link = confirmed()
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    apply(client, page)
    assert Application.objects.count() == 2


def test_honeypot_stores_nothing_and_looks_like_success(client, page, mailoutbox):
    response = apply(client, page, website="http://spam.example")
    assert response.status_code == 200
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert not Application.objects.exists() and not mailoutbox


def test_the_honeypot_is_hidden_from_people_and_keyboards(client, page):
    html = client.get(f"/bewerben/{page.pk}/").content.decode()
    honeypot = html[html.index('class="ev-honeypot"') - 5 :][:400]
    assert 'aria-hidden="true"' in honeypot and 'tabindex="-1"' in honeypot


def test_rate_limit_per_email_answers_429_in_german(client, verein_bretten, page):
    for number in range(3):
        opportunity = make_opportunity(organisation=verein_bretten, slug=f"a{number}", title=f"A{number}")
        assert apply(client, opportunity).status_code == 200
    response = apply(client, page)
    assert response.status_code == 429
    assert "Bitte versuchen Sie es später noch einmal." in response.content.decode()
    assert Application.objects.count() == 3


def test_rate_limit_per_address_answers_429(client, page):
    for number in range(10):
        assert apply(client, page, email=f"person{number}@example.org").status_code == 200
    assert apply(client, page, email="noch-jemand@example.org").status_code == 429
    assert not Application.objects.filter(email="noch-jemand@example.org").exists()
    other_address = apply(client, page, email="nachbar@example.org", remote_addr="10.0.0.2")
    assert other_address.status_code == 200


def test_filled_or_closed_opportunity_takes_no_applications(client, page):
    from engagement.opportunities.lifecycle import set_recruitment_status

    set_recruitment_status(page, "filled")
    html = client.get(page.url).content.decode()
    assert 'action="/bewerben/' not in html
    response = apply(client, page)
    assert response.status_code == 400
    assert "Für dieses Angebot sind gerade keine Bewerbungen möglich." in response.content.decode()
    assert not Application.objects.exists()


def test_unknown_or_unpublished_opportunity_is_404(client, verein_bretten):
    draft = make_opportunity(organisation=verein_bretten, publish=False, title="Entwurf")
    assert apply(client, draft).status_code == 404
    assert client.post("/bewerben/999999/", {}).status_code == 404
