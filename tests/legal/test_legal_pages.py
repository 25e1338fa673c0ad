import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.utils import timezone, translation
from freezegun import freeze_time

from engagement.legal.models import AccessibilityFeedback, LegalPage
from engagement.ratelimit import LIMITS
from home.models import HomePage
from tests.factories import make_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_state():
    cache.clear()
    yield
    cache.clear()
    # A request to /en/ leaves English active in this thread; later tests expect German URLs.
    translation.activate(settings.LANGUAGE_CODE)


def statement(parent):
    return LegalPage.objects.child_of(parent).get(kind=LegalPage.Kind.ACCESSIBILITY)


def feedback(**overrides):
    data = {
        "name": "Erika Muster",
        "email": "erika@example.org",
        "location": "/suche/",
        "message": "Der Kontrast ist zu schwach.",
    }
    return {**data, **overrides}


def test_setup_city_gives_the_city_and_the_portal_their_legal_pages(bretten):
    portal = HomePage.objects.get()
    assert sorted(LegalPage.objects.child_of(bretten).live().values_list("slug", flat=True)) == [
        "barrierefreiheit",
        "datenschutz",
        "impressum",
    ]
    assert sorted(LegalPage.objects.child_of(portal).live().values_list("slug", flat=True)) == [
        "barrierefreiheit",
        "datenschutz",
        "impressum",
        "leichte-sprache",
    ]


def test_the_portal_has_its_legal_pages_from_the_first_migrate_before_any_city(client):
    """The test database was migrated, nothing more: no city exists, yet the imprint is online."""
    from engagement.cities.models import CityPage

    assert not CityPage.objects.exists()
    portal = HomePage.objects.get()
    kinds = sorted(LegalPage.objects.child_of(portal).live().values_list("kind", flat=True))
    assert kinds == ["barrierefreiheit", "datenschutz", "impressum", "leichte-sprache"]
    response = client.get("/impressum/")
    assert response.status_code == 200 and "Impressum" in response.content.decode()


def test_migrating_again_keeps_what_editors_changed_and_adds_nothing(django_capture_on_commit_callbacks):
    from django.apps import apps

    from engagement.provisioning.services import portal_legal_pages_after_migrate

    portal = HomePage.objects.get()
    impressum = LegalPage.objects.child_of(portal).get(kind="impressum")
    impressum.body = "<p>Von der Redaktion des Portals</p>"
    impressum.save_revision().publish()
    portal_legal_pages_after_migrate(apps.get_app_config("legal"))
    assert LegalPage.objects.child_of(portal).count() == 4
    assert LegalPage.objects.get(pk=impressum.pk).body == "<p>Von der Redaktion des Portals</p>"


def test_after_a_flush_there_is_no_portal_and_migrate_s_signal_creates_nothing():
    from django.apps import apps

    from engagement.provisioning.services import portal_legal_pages_after_migrate

    LegalPage.objects.all().delete()
    HomePage.objects.all().delete()
    portal_legal_pages_after_migrate(apps.get_app_config("legal"))
    assert not LegalPage.objects.exists()


def test_running_setup_again_keeps_what_editors_changed(bretten):
    impressum = LegalPage.objects.child_of(bretten).get(kind="impressum")
    impressum.body = "<p>Geändert von der Redaktion</p>"
    impressum.save_revision().publish()
    make_city("bretten")
    assert LegalPage.objects.child_of(bretten).count() == 3
    assert LegalPage.objects.get(pk=impressum.pk).body == "<p>Geändert von der Redaktion</p>"


def test_privacy_default_names_what_is_stored_how_long_and_the_rights(client, bretten):
    response = client.get("/bretten/datenschutz/")
    text = response.content.decode()
    assert response.status_code == 200
    for phrase in [
        "Welche Daten speichern wir?",
        "Wie lange speichern wir",
        "Ihre Rechte",
        "Datenschutzbeauftragte",
    ]:
        assert phrase in text
    assert "Stadt Bretten" in text


def test_every_footer_links_the_legal_pages_of_its_city_or_the_portal(client, bretten):
    city_page = client.get("/bretten/").content.decode()
    for slug in ["impressum", "datenschutz", "barrierefreiheit"]:
        assert f'href="/bretten/{slug}/"' in city_page
    assert 'href="/leichte-sprache/"' in city_page
    portal_page = client.get("/").content.decode()
    assert 'href="/impressum/"' in portal_page
    assert 'href="/bretten/impressum/"' not in portal_page
    assert 'href="/impressum/"' in client.get("/suche/").content.decode()


def test_feedback_is_stored_and_mailed_to_the_city_contact(
    client, bretten, django_capture_on_commit_callbacks
):
    bretten.contact_email = "ehrenamt@bretten.example.org"
    bretten.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/bretten/barrierefreiheit/", feedback())
    assert response.status_code == 302
    assert response["Location"] == "/bretten/barrierefreiheit/?gesendet=1#feedback"
    stored = AccessibilityFeedback.objects.get()
    assert stored.city_id == bretten.pk and stored.mails.get().state == "sent"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ehrenamt@bretten.example.org"]
    assert mail.outbox[0].reply_to == ["erika@example.org"]
    assert "Der Kontrast ist zu schwach." in mail.outbox[0].body
    assert "Danke! Ihre Nachricht ist angekommen." in client.get(response["Location"]).content.decode()


def test_sending_the_same_feedback_twice_mails_once(client, bretten, django_capture_on_commit_callbacks):
    from engagement.mail.tasks import send_outgoing_mail, send_unsent_mail

    bretten.contact_email = "ehrenamt@bretten.example.org"
    bretten.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/bretten/barrierefreiheit/", feedback())
    [outgoing] = AccessibilityFeedback.objects.get().mails.all()
    assert outgoing.key == f"accessibility-feedback:{outgoing.object_id}:0"
    assert send_outgoing_mail(outgoing.pk) == "not due"  # a redelivered task
    with freeze_time(timezone.now() + dt.timedelta(minutes=10)):
        assert send_unsent_mail() == 0  # the sweep
    assert len(mail.outbox) == 1


def test_feedback_to_another_city_does_not_reach_this_city(
    client, bretten, ettlingen, django_capture_on_commit_callbacks
):
    for city, address in [(bretten, "bretten@example.org"), (ettlingen, "ettlingen@example.org")]:
        city.contact_email = address
        city.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ettlingen/barrierefreiheit/", feedback())
    assert [message.to for message in mail.outbox] == [["ettlingen@example.org"]]
    assert AccessibilityFeedback.objects.get().city_id == ettlingen.pk


def test_feedback_without_message_shows_a_linked_german_error(client, bretten):
    response = client.post("/bretten/barrierefreiheit/", feedback(message=""))
    text = response.content.decode()
    assert response.status_code == 400
    assert "Bitte beschreiben Sie das Problem." in text
    assert 'aria-describedby="id_message_error"' in text
    assert 'href="#id_message"' in text
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_with_a_broken_email_is_refused(client, bretten):
    response = client.post("/bretten/barrierefreiheit/", feedback(email="erika@"))
    assert response.status_code == 400
    assert "Bitte geben Sie eine E-Mail-Adresse ein" in response.content.decode()


def test_a_filled_honeypot_looks_like_success_but_stores_and_mails_nothing(client, bretten):
    response = client.post("/bretten/barrierefreiheit/", feedback(website="http://spam.example"))
    assert response.status_code == 302
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


def test_too_many_messages_from_one_address_are_refused(client, bretten):
    for _ in range(LIMITS["legal-feedback"].attempts):
        assert client.post("/bretten/barrierefreiheit/", feedback()).status_code == 302
    response = client.post("/bretten/barrierefreiheit/", feedback())
    assert response.status_code == 429
    assert "in einer Stunde noch einmal" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == LIMITS["legal-feedback"].attempts


def test_portal_feedback_goes_to_every_city_contact(bretten, ettlingen):
    for city, address in [(bretten, "bretten@example.org"), (ettlingen, "ettlingen@example.org")]:
        city.contact_email = address
        city.save_revision().publish()
    assert statement(HomePage.objects.get()).feedback_recipients() == [
        "bretten@example.org",
        "ettlingen@example.org",
    ]


def test_only_the_accessibility_statement_has_a_form(client, bretten):
    assert "Nachricht senden" not in client.get("/bretten/impressum/").content.decode()
    assert client.post("/bretten/impressum/", feedback()).status_code != 302
    assert not AccessibilityFeedback.objects.exists()


def test_english_visitors_are_told_the_legal_text_is_german(client, bretten):
    text = client.get("/en/bretten/datenschutz/").content.decode()
    assert '<h1 class="kern-heading-x-large">Privacy policy</h1>' in text
    assert "This content is only available in German." in text
    assert '<div class="ev-richtext ev-legal" lang="de">' in text
