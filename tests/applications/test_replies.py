"""No applicant left waiting: the city's reply promise (7 days by default), reminders to the organisation
on day 3 and day 6, the applicant told at the deadline with similar offers, and closing 14 days later.

Applications are made and confirmed through the real forms; then the clock is frozen (freezegun) at the
moments that matter and one second either side, and the hourly and daily tasks run as the beat would run
them (celery eager, what they enqueue after their commit included).
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, TestCase
from django.utils import timezone
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.users.models import UserProfile

from engagement.applications import services
from engagement.applications.models import Application
from engagement.applications.tasks import close_inactive_applications, queue_reply_reminders
from engagement.cities.models import CityPage
from engagement.mail.models import OutgoingMail
from tests.applications.conftest import apply, links, post
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)
REMINDER_SUBJECT = "Bewerbung wartet auf Antwort: Lesepat:in"
OVERDUE_SUBJECT = "Noch keine Antwort auf Ihre Bewerbung: Lesepat:in"


@pytest.fixture
def start():
    """The moment of the confirmation: now, so the offers made for the test are online around it."""
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def waiting(client, page, member, start, mailoutbox):
    """A confirmed application, through the real forms, confirmed at `start`; the mails so far cleared."""
    with freeze_time(start):
        apply(client, page)
        post(client, links(mailoutbox, "/bewerbung/bestaetigen/")[-1])
    application = Application.objects.get(opportunity=page)
    assert application.confirmed_at == start
    mailoutbox.clear()
    return application


def hourly(moment) -> int:
    """The hourly beat entry at `moment`: it fans out one task per application (eager here)."""
    with freeze_time(moment), TestCase.captureOnCommitCallbacks(execute=True):
        return queue_reply_reminders()


def daily(moment) -> dict:
    with freeze_time(moment), TestCase.captureOnCommitCallbacks(execute=True):
        return close_inactive_applications()


def reminders(mailoutbox):
    return [mail for mail in mailoutbox if mail.subject == REMINDER_SUBJECT]


def overdue_notices(mailoutbox):
    return [mail for mail in mailoutbox if mail.subject == OVERDUE_SUBJECT]


# --- Negative cases first ------------------------------------------------------------------------


def test_an_answered_application_gets_no_reminder_no_notice_and_is_not_closed(
    client, waiting, member, start, mailoutbox
):
    client.force_login(member)
    with freeze_time(start + DAY):
        post(client, f"/mein-verein/bewerbungen/{waiting.pk}/", {"status": "accepted", "message": ""})
    waiting.refresh_from_db()
    assert waiting.answered_at == start + DAY
    mailoutbox.clear()
    for moment in (start + 3 * DAY + SECOND, start + 6 * DAY + SECOND, start + 7 * DAY + SECOND):
        hourly(moment)
    assert daily(start + 30 * DAY)["closed_unanswered"] == 0
    assert mailoutbox == []
    waiting.refresh_from_db()
    assert waiting.status == Application.Status.ACCEPTED


def test_a_message_without_a_status_change_is_an_answer(client, waiting, member, start, mailoutbox):
    client.force_login(member)
    with freeze_time(start + 2 * DAY):
        response = post(
            client,
            f"/mein-verein/bewerbungen/{waiting.pk}/",
            {"status": "message", "message": "Wir melden uns nächste Woche."},
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Application.Status.REQUESTED and waiting.answered_at == start + 2 * DAY
    [message] = mailoutbox
    assert message.to == ["mia@example.org"]
    assert message.subject == "Nachricht zu Ihrer Bewerbung: Lesepat:in"
    assert "Wir melden uns nächste Woche." in message.body
    hourly(start + 3 * DAY + SECOND)
    hourly(start + 7 * DAY + SECOND)
    assert reminders(mailoutbox) == [] and overdue_notices(mailoutbox) == []
    detail = client.get(f"/mein-verein/bewerbungen/{waiting.pk}/").content.decode()
    assert "Nachricht an die Person" in detail and "Bitte antworten Sie bis" not in detail


def test_an_empty_message_is_refused_and_nothing_changes(client, waiting, member, mailoutbox):
    client.force_login(member)
    response = post(client, f"/mein-verein/bewerbungen/{waiting.pk}/", {"status": "message", "message": "  "})
    assert response.status_code == 400
    assert "Bitte schreiben Sie eine Nachricht." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.answered_at is None and not waiting.changes.exists() and mailoutbox == []


def test_another_organisation_and_anonymous_visitors_cannot_answer(client, waiting, ettlingen, mailoutbox):
    stranger = MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user
    client.force_login(stranger)
    response = post(
        client, f"/mein-verein/bewerbungen/{waiting.pk}/", {"status": "message", "message": "Hallo"}
    )
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.write_message(waiting, "Hallo", by=stranger)
    response = post(
        Client(), f"/mein-verein/bewerbungen/{waiting.pk}/", {"status": "message", "message": "Hi"}
    )
    assert response.status_code == 302 and "/mein-verein/anmelden/" in response["Location"]
    waiting.refresh_from_db()
    assert waiting.answered_at is None and mailoutbox == []


def test_withdrawing_is_no_answer_and_ends_the_reminders(client, waiting, start, mailoutbox):
    with freeze_time(start + DAY):
        services.change_status(waiting, Application.Status.WITHDRAWN)
    waiting.refresh_from_db()
    assert waiting.answered_at is None
    mailoutbox.clear()
    hourly(start + 3 * DAY + SECOND)
    hourly(start + 7 * DAY + SECOND)
    assert mailoutbox == []


def test_a_closed_application_takes_no_message(waiting, member):
    services.change_status(waiting, Application.Status.WITHDRAWN)
    with pytest.raises(ValidationError):
        services.write_message(waiting, "Hallo", by=member)


# --- Reminders on day 3 and day 6, each exactly once ---------------------------------------------------


def test_the_organisation_is_reminded_on_day_three_and_day_six_exactly_once_each(
    waiting, verein_bretten, start, mailoutbox
):
    english = MembershipFactory(organisation=verein_bretten, user=UserFactory(username="treasurer")).user
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()

    assert hourly(start + 3 * DAY - SECOND) == 0
    assert hourly(start + 3 * DAY) == 1
    first = mailoutbox[:]
    assert sorted(mail.to[0] for mail in first) == ["treasurer@example.org", "verein-bretten@example.org"]
    german = next(mail for mail in first if mail.to == ["verein-bretten@example.org"])
    assert german.subject == REMINDER_SUBJECT
    assert "eine Antwort innerhalb von 7 Tagen. Es bleiben noch 4 Tage." in german.body
    assert f"http://testserver/mein-verein/bewerbungen/{waiting.pk}/" in german.body
    for personal in ("Mia", "Kraus", "mia@example.org", "Ich lese"):  # a link, never the application
        assert personal not in german.body
    english_mail = next(mail for mail in first if mail.to == ["treasurer@example.org"])
    assert english_mail.subject == "Application waiting for your answer: Lesepat:in"
    assert "an answer within 7 days. 4 days are left." in english_mail.body

    for moment in (start + 3 * DAY + SECOND, start + 4 * DAY, start + 6 * DAY - SECOND):
        assert hourly(moment) == 0
    assert len(mailoutbox) == 2
    assert hourly(start + 6 * DAY) == 1
    second = mailoutbox[2:]
    assert sorted(mail.to[0] for mail in second) == ["treasurer@example.org", "verein-bretten@example.org"]
    german = next(mail for mail in second if mail.to == ["verein-bretten@example.org"])
    assert "Es bleibt noch 1 Tag." in german.body
    assert hourly(start + 6 * DAY + SECOND) == 0
    assert len(mailoutbox) == 4 and overdue_notices(mailoutbox) == []
    waiting.refresh_from_db()
    assert waiting.reply_reminders_sent == 2


def test_a_step_sent_twice_mails_once(waiting, start, mailoutbox):
    """A redelivered task (or two beats enqueueing the same id) sends nothing twice."""
    with freeze_time(start + 3 * DAY + SECOND), TestCase.captureOnCommitCallbacks(execute=True):
        assert services.replies.send_reply_step(waiting.pk) == "reminder"
        assert services.replies.send_reply_step(waiting.pk) == ""
    assert len(reminders(mailoutbox)) == 1
    assert OutgoingMail.objects.filter(key__startswith=f"reply-reminder:{waiting.pk}:1:").count() == 1


def test_a_missed_reminder_is_not_sent_late_next_to_the_next_one(waiting, start, mailoutbox):
    assert hourly(start + 6 * DAY + SECOND) == 1  # the beat was down on day 3
    [reminder] = reminders(mailoutbox)
    assert "Es bleibt noch 1 Tag." in reminder.body
    assert hourly(start + 6 * DAY + 2 * SECOND) == 0


def test_a_city_with_a_shorter_promise_reminds_only_when_there_is_time_left(
    client, page, member, bretten, start, mailoutbox
):
    CityPage.objects.filter(pk=bretten.pk).update(reply_promise_days=3)
    with freeze_time(start):
        apply(client, page)
        post(client, links(mailoutbox, "/bewerbung/bestaetigen/")[-1])
    application = Application.objects.get(opportunity=page)
    assert application.reply_due_at == start + 3 * DAY
    mailoutbox.clear()
    assert hourly(start + SECOND) == 0  # "4 days left" would lie before the confirmation: skipped
    assert hourly(start + 2 * DAY) == 1
    assert "innerhalb von 3 Tagen. Es bleibt noch 1 Tag." in reminders(mailoutbox)[0].body


def test_a_change_of_the_city_promise_applies_to_new_applications_only(waiting, bretten, start):
    CityPage.objects.filter(pk=bretten.pk).update(reply_promise_days=14)
    waiting.refresh_from_db()
    assert waiting.reply_due_at == start + 7 * DAY


# --- The deadline: the applicant is told, with similar offers -------------------------------------


def test_at_the_deadline_the_applicant_is_told_honestly_with_similar_open_offers(
    waiting, page, verein_bretten, start, mailoutbox
):
    library = OrganisationFactory(name="Bücherei Bretten", home_city=page.city)
    similar = make_opportunity(organisation=library, title="Vorlesen in der Bücherei")
    make_opportunity(organisation=verein_bretten, title="Gartenpflege", categories=("umwelt-natur",))
    hourly(start + 6 * DAY + SECOND)
    mailoutbox.clear()
    assert hourly(start + 7 * DAY - SECOND) == 0
    assert hourly(start + 7 * DAY) == 1
    [notice] = mailoutbox
    assert notice.to == ["mia@example.org"] and notice.subject == OVERDUE_SUBJECT
    body = " ".join(notice.body.split())
    assert "Guten Tag Mia Kraus," in body
    assert (
        "innerhalb von 7 Tagen versprochen. Tafel Bretten e. V. hat Ihnen bisher nicht geantwortet." in body
    )
    assert "Vorlesen in der Bücherei (Bücherei Bretten)" in body
    assert f"http://testserver{similar.url}" in body  # the similar offer, linked
    assert "Gartenpflege" not in body  # another topic is not similar
    closes = timezone.localtime(start + 21 * DAY).strftime("%-d.")
    assert f"Kommt bis zum {closes}" in body
    assert "/bewerbung/" in body  # the applicant's own status link
    assert hourly(start + 8 * DAY) == 0  # once
    assert len(mailoutbox) == 1
    waiting.refresh_from_db()
    assert (
        waiting.reply_overdue_notice_at == start + 7 * DAY and waiting.status == Application.Status.REQUESTED
    )


def test_the_deadline_notice_is_written_in_the_applicants_language(waiting, start, mailoutbox):
    Application.objects.filter(pk=waiting.pk).update(language="en")
    hourly(start + 7 * DAY + SECOND)
    [notice] = mailoutbox
    assert notice.subject == "No answer to your application yet: Lesepat:in"
    assert "has not answered you so far. We are sorry." in " ".join(notice.body.split())


def test_the_status_page_and_the_dashboard_say_that_the_answer_is_overdue(
    client, waiting, member, start, mailoutbox
):
    hourly(start + 7 * DAY + SECOND)
    status_link = [path for path in links(mailoutbox, "/bewerbung/") if "bestaetigen" not in path][-1]
    with freeze_time(start + 8 * DAY):
        page = Client().get(status_link).content.decode()
        assert "Die Organisation hat noch nicht geantwortet." in page
        client.force_login(member)
        detail = client.get(f"/mein-verein/bewerbungen/{waiting.pk}/").content.decode()
    assert "Die Antwortfrist ist am" in detail


# --- Closing for want of an answer ------------------------------------------------------------------


def test_unanswered_it_closes_fourteen_days_after_the_notice_with_a_polite_mail(waiting, start, mailoutbox):
    hourly(start + 7 * DAY + SECOND)
    told = start + 7 * DAY + SECOND
    mailoutbox.clear()
    assert daily(told + 14 * DAY - SECOND)["closed_unanswered"] == 0
    assert daily(told + 14 * DAY)["closed_unanswered"] == 1
    waiting.refresh_from_db()
    assert waiting.status == Application.Status.EXPIRED and waiting.closed_at == told + 14 * DAY
    assert waiting.answered_at is None
    [closing] = mailoutbox
    assert closing.to == ["mia@example.org"] and closing.subject == "Bewerbung geschlossen: Lesepat:in"
    body = " ".join(closing.body.split())
    assert "hat Tafel Bretten e. V. leider nicht geantwortet" in body and "Das liegt nicht an Ihnen" in body
    assert daily(told + 15 * DAY)["closed_unanswered"] == 0 and len(mailoutbox) == 1


def test_without_the_notice_nothing_closes(waiting, start):
    """Had the hourly task not run at the deadline, the closing waits for the applicant to be told."""
    assert daily(start + 60 * DAY)["closed_unanswered"] == 0
    waiting.refresh_from_db()
    assert waiting.status == Application.Status.REQUESTED


def test_an_answer_after_the_notice_stops_the_closing(client, waiting, member, start, mailoutbox):
    hourly(start + 7 * DAY + SECOND)
    client.force_login(member)
    with freeze_time(start + 10 * DAY):
        post(client, f"/mein-verein/bewerbungen/{waiting.pk}/", {"status": "declined", "message": ""})
    assert daily(start + 30 * DAY)["closed_unanswered"] == 0
    waiting.refresh_from_db()
    assert waiting.status == Application.Status.DECLINED


def test_keeping_it_open_is_no_answer_and_the_dashboard_shows_the_earlier_closing(
    client, waiting, member, start
):
    hourly(start + 7 * DAY + SECOND)
    with freeze_time(start + 8 * DAY):
        services.keep_open(waiting, by=member)
    waiting.refresh_from_db()
    assert waiting.answered_at is None
    assert services.closes_at(waiting) == start + 21 * DAY + SECOND
    assert daily(start + 21 * DAY + SECOND)["closed_unanswered"] == 1


def test_the_english_closing_mail(waiting, start, mailoutbox):
    Application.objects.filter(pk=waiting.pk).update(language="en")
    hourly(start + 7 * DAY + SECOND)
    daily(start + 22 * DAY)
    closing = mailoutbox[-1]
    assert closing.subject == "Application closed: Lesepat:in"
    assert "has not answered your application" in " ".join(closing.body.split())


# --- Free text of the message -------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=300,
    ).filter(lambda value: value.strip())
)
def test_any_message_reaches_the_applicant_unchanged(waiting, member, text):
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.write_message(waiting, text, by=member)
    mail = OutgoingMail.objects.filter(key__startswith="message:").latest("pk")
    assert text.strip() in mail.body
    waiting.refresh_from_db()
    assert waiting.answered_at is not None
