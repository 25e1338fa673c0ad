import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from engagement.applications.models import Application, OutgoingMail
from engagement.applications.tasks import apply_retention
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=1)


DATA = {"name": "Mia Kraus", "email": "Mia@Example.org", "message": "Ich lese gern vor.", "consent": "on"}


def apply(client, page, **overrides):
    return client.post(f"/bewerben/{page.pk}/", {**DATA, **overrides})


def links(mailoutbox, pattern):
    return [
        re.search(r"http://testserver(/\S+)", mail.body).group(1)
        for mail in mailoutbox
        if pattern in mail.body
    ]


def test_full_flow_apply_confirm_notify_accept_with_calendar(
    client, member, verein_bretten, mailoutbox, django_capture_on_commit_callbacks
):
    page = make_opportunity(
        organisation=verein_bretten,
        title="Stadtfest",
        schedule_kind="one_off",
        event_start=in_days(10, hour=14),
        event_end=in_days(10, hour=18),
        volunteers_needed=1,
    )
    assert 'action="/bewerben/' in client.get(page.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, page)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert [mail.to for mail in mailoutbox] == [["mia@example.org"]]
    assert "Mia" not in mailoutbox[0].body  # the confirmation mail carries nothing but the link
    assert not Application.objects.visible_to(member).exists()  # unconfirmed: not for the organisation

    confirm = links(mailoutbox, "/bewerbung/bestaetigen/")[0]
    client.get(confirm)
    assert Application.objects.get().confirmed_at is None  # a GET (mail scanner) confirms nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    application = Application.objects.get()
    assert application.confirmed_at and application.consent_version
    notification = next(mail for mail in mailoutbox if mail.to == ["verein-bretten@example.org"])
    assert "Mia" not in notification.body and "mia@example.org" not in notification.body
    assert f"/mein-verein/bewerbungen/{application.pk}/" in notification.body

    client.force_login(member)
    assert "Mia Kraus" in client.get("/mein-verein/bewerbungen/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/mein-verein/bewerbungen/{application.pk}/", {"status": "accepted", "message": "Willkommen!"}
        )
    acceptance = mailoutbox[-1]
    assert acceptance.subject == "Zusage: Stadtfest" and "Willkommen!" in acceptance.body
    name, content, mimetype = acceptance.attachments[0]
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in content and "SUMMARY:Stadtfest" in content
    page.refresh_from_db()
    assert page.recruitment_status == "filled"  # capacity reached
    assert 'action="/bewerben/' not in client.get(page.url).content.decode()


def test_every_validation_error_in_german_and_nothing_saved(client, page):
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
    assert 'value="kaputt"' in html  # what was typed stays
    assert not Application.objects.exists()


def test_duplicate_application_is_merged(client, page, django_capture_on_commit_callbacks):
    apply(client, page)
    apply(client, page, email="mia@example.org", message="Noch eine Nachricht")
    assert Application.objects.get().message == "Noch eine Nachricht"


def test_honeypot_and_rate_limits(client, page, verein_bretten):
    apply(client, page, website="http://spam.example")
    assert not Application.objects.exists()
    for number in range(3):
        apply(client, make_opportunity(organisation=verein_bretten, slug=f"a{number}", title=f"A{number}"))
    response = apply(client, page)
    assert response.status_code == 429
    assert "später noch einmal" in response.content.decode()


def test_forged_confirmation_is_refused(client):
    assert client.post("/bewerbung/bestaetigen/gefaelscht/").status_code == 400


def confirmed_application(client, page, mailoutbox, capture):
    with capture(execute=True):
        apply(client, page)
    with capture(execute=True):
        client.post(links(mailoutbox, "/bewerbung/bestaetigen/")[0])
    application = Application.objects.get()
    return application, links(mailoutbox, "/bewerbung/")[-1]


def test_applicant_withdraws_exports_and_erases(client, page, mailoutbox, django_capture_on_commit_callbacks):
    application, status_link = confirmed_application(
        client, page, mailoutbox, django_capture_on_commit_callbacks
    )
    assert status_link == f"/bewerbung/{application.access_token}/"
    assert "Eingegangen" in client.get(status_link).content.decode()
    export = json.loads(client.post(status_link, {"action": "export"}).content)
    assert export["email"] == "mia@example.org" and export["einwilligung"]["version"]
    client.post(status_link, {"action": "withdraw"})
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.changes.get().changed_by is None
    client.post(status_link, {"action": "erase"})
    assert not Application.objects.exists()
    assert client.get(status_link).status_code == 404


@pytest.mark.parametrize("persona", ["other_verein", "city_editor", "anonymous", "superuser"])
def test_nobody_but_the_organisation_reads_applications(
    client, page, mailoutbox, persona, ettlingen, bretten, superuser, django_capture_on_commit_callbacks
):
    application, _ = confirmed_application(client, page, mailoutbox, django_capture_on_commit_callbacks)
    if persona == "other_verein":
        client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    elif persona == "city_editor":
        editor = UserFactory()
        editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
        client.force_login(editor)
    elif persona == "superuser":
        client.force_login(superuser)
    detail = client.get(f"/mein-verein/bewerbungen/{application.pk}/")
    listing = client.get("/mein-verein/bewerbungen/")
    csv_export = client.get("/mein-verein/bewerbungen/", {"format": "csv"})
    change = client.post(f"/mein-verein/bewerbungen/{application.pk}/", {"status": "accepted"})
    for response in (detail, listing, csv_export, change):
        assert "Mia" not in response.content.decode()
        assert response.status_code in (200, 302, 404)
    application.refresh_from_db()
    assert application.status == "requested"


def test_csv_export_of_own_applicants(client, member, page, mailoutbox, django_capture_on_commit_callbacks):
    confirmed_application(client, page, mailoutbox, django_capture_on_commit_callbacks)
    client.force_login(member)
    content = client.get("/mein-verein/bewerbungen/", {"format": "csv"}).content.decode("utf-8-sig")
    assert "Mia Kraus;mia@example.org" in content


def test_retention_deletes_old_unconfirmed_and_closed_applications(client, page, settings):
    import datetime as dt

    from django.utils import timezone
    from freezegun import freeze_time

    apply(client, page)
    with freeze_time(timezone.now() + dt.timedelta(days=8)):
        assert apply_retention()["unconfirmed"] == 1
    assert not Application.objects.exists()


def test_broker_down_nothing_lost_and_the_sweep_sends_once(
    client, page, settings, django_capture_on_commit_callbacks
):
    """Redis unreachable: the application is saved and confirmed to the user; the sweep sends later, once."""
    from engagement import celery_app
    from engagement.applications.mail import send_unsent_mail

    celery_app.conf.task_always_eager = False
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:6390/0"  # nothing listens here
    celery_app.conf.broker_connection_retry = False
    celery_app.conf.broker_connection_max_retries = 0
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = apply(client, page)
    finally:
        celery_app.conf.task_always_eager = True
        celery_app.conf.broker_url = original
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert Application.objects.count() == 1
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 1
    from django.core import mail as django_mail

    assert send_unsent_mail() == 1
    assert send_unsent_mail() == 0
    assert len(django_mail.outbox) == 1


def test_reminder_two_days_before_goes_out_once(client, member, verein_bretten, mailoutbox):
    from engagement.applications.mail import send_unsent_mail
    from engagement.applications.models import Application
    from engagement.applications.tasks import queue_event_reminders

    page = make_opportunity(
        organisation=verein_bretten,
        title="Bachputzete",
        schedule_kind="one_off",
        event_start=in_days(1, hour=9),
        event_end=in_days(1, hour=12),
    )
    later = make_opportunity(
        organisation=verein_bretten,
        title="Später",
        schedule_kind="one_off",
        event_start=in_days(20),
        event_end=in_days(20, hour=12),
    )
    for opportunity in (page, later):
        Application.objects.create(
            opportunity=opportunity,
            name="Tom",
            email="tom@example.org",
            message="x",
            status="accepted",
            consent_version="1",
            consent_given_at=in_days(-1),
            confirmed_at=in_days(-1),
        )
    assert queue_event_reminders() == 1
    assert queue_event_reminders() == 1  # the same keyed mail: stored once
    send_unsent_mail()
    reminders = [mail for mail in mailoutbox if mail.subject.startswith("Erinnerung")]
    assert [mail.subject for mail in reminders] == ["Erinnerung: Bachputzete"]


def test_city_editors_see_counts_not_names(
    client, page, mailoutbox, bretten, django_capture_on_commit_callbacks
):
    confirmed_application(client, page, mailoutbox, django_capture_on_commit_callbacks)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "<dd>1 / 0</dd>" in html
    assert "Mia" not in html
