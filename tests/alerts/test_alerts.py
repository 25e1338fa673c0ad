"""Saved searches as e-mail alerts without an account: double opt-in, only new matching offers and
never one twice, one-click unsubscribe (RFC 8058), deletion after unsubscribing or a year of silence."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import timezone
from freezegun import freeze_time

from engagement.alerts import services
from engagement.alerts.models import SearchAlert
from engagement.mail.models import OutgoingMail
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

FORM = {"email": "lea@example.org", "frequency": "daily", "consent": "on"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def post(client, path, data=None, **extra):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {}, **extra)


def subscribe(client, query="q=Tafel", **overrides):
    return post(client, "/benachrichtigungen/neu/", {**FORM, "query": query, **overrides})


def paths(mail, pattern):
    return [path for path in re.findall(r"http://testserver(/\S+)", mail.body) if pattern in path]


@pytest.fixture
def subscribed(client, bretten, mailoutbox):
    """A confirmed daily alert for "Tafel" in Bretten, through the real forms."""
    response = subscribe(client, query="q=Tafel&city=bretten")
    assert response.status_code == 200
    [confirm] = paths(mailoutbox[-1], "/bestaetigen/")
    assert post(client, confirm).status_code == 200
    mailoutbox.clear()
    return SearchAlert.objects.get()


def send_due(now=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        due = services.due_alerts(now).values_list("pk", flat=True)
        return [services.send_alert(alert_id, now=now) for alert_id in due]


def a_day_later(days=1):
    return timezone.now() + dt.timedelta(days=days, minutes=1)


# --- Saving a search ---------------------------------------------------------------------------------


def test_the_results_page_offers_to_save_the_search_with_its_section_city(client, bretten):
    page = client.get("/bretten/suche/", {"q": "Tafel"}).content.decode()
    assert 'href="/benachrichtigungen/neu/?q=Tafel&amp;city=bretten"' in page
    form = client.get("/benachrichtigungen/neu/", {"q": "Tafel", "city": "bretten"})
    assert form.status_code == 200
    html = form.content.decode()
    assert "„Tafel“ · in Bretten" in html and 'name="query" value="q=Tafel&amp;city=bretten"' in html


def test_saving_needs_consent_and_a_real_address_and_saves_nothing_otherwise(client, bretten, mailoutbox):
    for overrides, message in (
        ({"consent": ""}, "Ohne Ihre Einwilligung können wir Ihnen keine Mails schicken."),
        ({"email": "kein-at-zeichen"}, "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an."),
        ({"frequency": "stündlich"}, "Bitte wählen Sie „täglich“ oder „wöchentlich“."),
    ):
        response = subscribe(client, **overrides)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not SearchAlert.objects.exists() and mailoutbox == []


def test_an_invalid_search_cannot_be_saved(client, bretten):
    response = client.get("/benachrichtigungen/neu/", {"city": "atlantis"})
    assert response.status_code == 400
    assert "Die Stadt „atlantis“ kennen wir nicht." in response.content.decode()
    response = subscribe(client, query="radius=abc&near=75015")
    assert response.status_code == 400 and not SearchAlert.objects.exists()


def test_a_bot_filling_the_honeypot_is_told_it_worked_and_nothing_is_saved(client, bretten, mailoutbox):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 200 and "Fast geschafft" in response.content.decode()
    assert not SearchAlert.objects.exists() and mailoutbox == []


def test_one_address_can_save_few_alerts_an_hour(client, bretten, mailoutbox):
    for _ in range(3):
        assert subscribe(client).status_code == 200
    response = subscribe(client)
    assert response.status_code == 429
    assert SearchAlert.objects.count() == 3


def test_nothing_is_sent_before_the_address_is_confirmed(client, bretten, mailoutbox):
    subscribe(client, query="q=Tafel")
    assert [mail.subject for mail in mailoutbox] == ["Bitte bestätigen Sie Ihre Suchbenachrichtigung"]
    alert = SearchAlert.objects.get()
    assert alert.consent_version and alert.consent_given_at and alert.confirmed_at is None
    make_opportunity(city=bretten, title="Tafel-Ausgabe")
    assert send_due(a_day_later(2)) == []


def test_the_confirmation_link_only_asks_on_a_get_and_confirms_on_the_post(client, bretten, mailoutbox):
    subscribe(client)
    [confirm] = paths(mailoutbox[-1], "/bestaetigen/")
    assert "Ja, Benachrichtigung einschalten" in client.get(confirm).content.decode()
    assert SearchAlert.objects.get().confirmed_at is None
    assert "Die Benachrichtigung ist eingeschaltet." in post(client, confirm).content.decode()
    assert SearchAlert.objects.get().confirmed_at is not None


def test_a_wrong_or_foreign_link_opens_nothing(client, bretten, mailoutbox):
    subscribe(client)
    subscribe(client, email="other@example.org")
    mine, theirs = SearchAlert.objects.order_by("pk")
    token = services.token_for(mine)
    pk, secret = f"{mine.pk}", mine.secret
    forged = services.token_for(theirs).replace(f"{theirs.pk}.{theirs.secret}", f"{pk}.{theirs.secret}")
    for bad in (token[:-2] + "xx", f"{pk}.{secret}", forged, "1"):
        assert client.get(f"/benachrichtigungen/{bad}/").status_code == 404
    assert client.get("/benachrichtigungen/%00/").status_code == 400  # refused before any view
    assert client.get(f"/benachrichtigungen/{token}/").status_code == 200


# --- Sending -----------------------------------------------------------------------------------------


def test_only_new_matching_offers_are_mailed_and_never_twice(
    client, bretten, ettlingen, subscribed, mailoutbox
):
    make_opportunity(city=bretten, title="Tafel von früher")  # online before the confirmation
    subscribed.sent_until = timezone.now()
    subscribed.save()
    new = make_opportunity(city=bretten, title="Tafel-Ausgabe am Samstag")
    make_opportunity(city=ettlingen, title="Tafel in Ettlingen")  # another city
    make_opportunity(city=bretten, title="Vorlesen")  # other words
    assert send_due(a_day_later()) == [1]
    [mail] = mailoutbox
    assert mail.subject == "1 neues Angebot: „Tafel“ · in Bretten"
    assert "Tafel-Ausgabe am Samstag" in mail.body
    assert "früher" not in mail.body and "Ettlingen" not in mail.body
    assert paths(mail, f"/bretten/{new.slug}/")
    mailoutbox.clear()
    assert send_due(a_day_later()) == []  # not due again
    assert send_due(a_day_later(2)) == [0] and mailoutbox == []  # due, nothing new: no mail


def test_a_mail_with_the_first_new_offers_links_to_the_others(
    client, bretten, subscribed, mailoutbox, monkeypatch
):
    monkeypatch.setattr(services, "OFFERS_PER_MAIL", 1)
    subscribed.sent_until = timezone.now()
    subscribed.save()
    make_opportunity(city=bretten, title="Tafel-Ausgabe am Samstag")
    make_opportunity(city=bretten, title="Tafel-Fahrdienst")
    assert send_due(a_day_later()) == [1]
    [mail] = mailoutbox
    assert "Es gibt noch mehr neue Angebote" in mail.body
    assert paths(mail, "/suche/?")


def test_a_mail_speaks_of_more_offers_only_when_more_are_new(
    client, bretten, subscribed, mailoutbox, monkeypatch
):
    """The search page keeps the matches of its selection for the next request; the alert searches only
    the offers new since its last mail, so those kept matches are not its own."""
    monkeypatch.setattr(services, "OFFERS_PER_MAIL", 1)
    monkeypatch.setattr("search.views.RESULT_CAP", 1)  # the page keeps its matches under the same cap
    make_opportunity(city=bretten, title="Tafel von früher")
    subscribed.sent_until = timezone.now()
    subscribed.save()
    make_opportunity(city=bretten, title="Tafel-Ausgabe am Samstag")
    assert "Mehr als 1 Angebot" in client.get("/suche/", {"q": "Tafel", "city": "bretten"}).content.decode()
    assert send_due(a_day_later()) == [1]
    [mail] = mailoutbox
    assert "Tafel-Ausgabe am Samstag" in mail.body
    assert "Es gibt noch mehr neue Angebote" not in mail.body


def test_a_weekly_alert_waits_a_week(client, bretten, subscribed, mailoutbox):
    subscribed.frequency = SearchAlert.Frequency.WEEKLY
    subscribed.save()
    make_opportunity(city=bretten, title="Tafel-Ausgabe")
    assert send_due(a_day_later()) == []
    assert send_due(a_day_later(7)) == [1]


def test_a_run_repeated_by_the_broker_sends_one_mail(client, bretten, subscribed, mailoutbox):
    make_opportunity(city=bretten, title="Tafel-Ausgabe")
    moment = a_day_later()
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.send_alert(subscribed.pk, now=moment) == 1
        assert services.send_alert(subscribed.pk, now=moment) == 0
    assert len(mailoutbox) == 1 and OutgoingMail.objects.filter(key__startswith="alert:").count() == 1


def test_the_mail_carries_one_click_unsubscribe_headers_and_links(client, bretten, subscribed, mailoutbox):
    make_opportunity(city=bretten, title="Tafel-Ausgabe")
    send_due(a_day_later())
    [mail] = mailoutbox
    [unsubscribe] = paths(mail, "/abmelden/")
    assert mail.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    [manage] = [path for path in paths(mail, "/benachrichtigungen/") if "/abmelden/" not in path]
    assert client.get(manage).status_code == 200


def test_one_click_unsubscribe_works_without_cookies_and_deletes_everything(bretten, subscribed, mailoutbox):
    make_opportunity(city=bretten, title="Tafel-Ausgabe")
    send_due(a_day_later())
    [unsubscribe] = paths(mailoutbox[-1], "/abmelden/")
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not SearchAlert.objects.exists()
    assert not OutgoingMail.objects.filter(key__contains=f":{subscribed.pk}").exists()
    assert mail_program.get(unsubscribe).status_code == 404


def test_the_subscriber_changes_the_frequency_or_deletes_the_alert(client, bretten, subscribed):
    manage = f"/benachrichtigungen/{services.token_for(subscribed)}/"
    response = post(client, manage, {"action": "change", "frequency": "weekly"})
    assert "Gespeichert." in response.content.decode()
    assert SearchAlert.objects.get().frequency == "weekly"
    assert post(client, manage, {"action": "change", "frequency": "jährlich"}).status_code == 400
    assert SearchAlert.objects.get().frequency == "weekly"
    response = post(client, manage, {"action": "delete"})
    assert "Ihre E-Mail-Adresse ist gelöscht." in response.content.decode()
    assert not SearchAlert.objects.exists()


def test_an_english_subscriber_gets_english_mails_with_english_links(client, bretten, mailoutbox):
    post(client, "/en/benachrichtigungen/neu/", {**FORM, "query": "q=Tafel"})
    [confirmation] = mailoutbox
    assert confirmation.subject == "Please confirm your search alert"
    [confirm] = paths(confirmation, "/bestaetigen/")
    assert confirm.startswith("/en/benachrichtigungen/")


def test_a_radius_search_mails_what_is_near(client, bretten, ettlingen, mailoutbox):
    response = subscribe(client, query="near=75015&radius=5")
    assert response.status_code == 200
    post(client, paths(mailoutbox[-1], "/bestaetigen/")[0])
    make_opportunity(city=bretten, title="Nah dran")
    make_opportunity(city=ettlingen, title="Weit weg")  # 25 km
    mailoutbox.clear()
    send_due(a_day_later())
    [mail] = mailoutbox
    assert "Nah dran" in mail.body and "Weit weg" not in mail.body


# --- Forgetting ----------------------------------------------------------------------------------------


def test_an_unconfirmed_alert_is_deleted_after_seven_days(client, bretten):
    start = timezone.now()
    subscribe(client)
    services.expire_alerts(now=start + dt.timedelta(days=7) - dt.timedelta(minutes=1))
    assert SearchAlert.objects.exists()
    services.expire_alerts(now=start + dt.timedelta(days=7, minutes=1))
    assert not SearchAlert.objects.exists()


def test_a_silent_subscriber_is_reminded_a_month_before_and_forgotten_after_a_year(
    client, bretten, subscribed, mailoutbox
):
    kept = subscribed.kept_at
    with TestCase.captureOnCommitCallbacks(execute=True):
        counts = services.expire_alerts(now=kept + dt.timedelta(days=334, hours=23))
    assert counts["reminded"] == 0 and mailoutbox == []
    with TestCase.captureOnCommitCallbacks(execute=True):
        counts = services.expire_alerts(now=kept + dt.timedelta(days=335, minutes=1))
        assert services.expire_alerts(now=kept + dt.timedelta(days=336))["reminded"] == 0  # once
    assert counts["reminded"] == 1
    [reminder] = mailoutbox
    assert reminder.subject == "Möchten Sie Ihre Suchbenachrichtigung behalten?"
    services.expire_alerts(now=kept + dt.timedelta(days=365) - dt.timedelta(minutes=1))
    assert SearchAlert.objects.exists()
    assert services.expire_alerts(now=kept + dt.timedelta(days=365, minutes=1))["expired"] == 1
    assert not SearchAlert.objects.exists()


def test_keeping_the_alert_starts_the_year_again(client, bretten, subscribed, mailoutbox):
    kept = subscribed.kept_at
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.expire_alerts(now=kept + dt.timedelta(days=340))
    [manage] = paths(mailoutbox[-1], "/benachrichtigungen/")
    with freeze_time(kept + dt.timedelta(days=350)):
        response = post(client, manage, {"action": "keep"})
    assert "ein weiteres Jahr" in response.content.decode()
    services.expire_alerts(now=kept + dt.timedelta(days=400))
    assert SearchAlert.objects.exists()


def test_the_privacy_page_states_the_alerts_periods(client, bretten):
    page = client.get("/datenschutz/").content.decode()
    assert "E-Mail-Benachrichtigungen zu einer Suche" in page and "12 Monate" in page
