"""The Verein's roster of a shift (page, print view, CSV), its message to everyone of a shift, the
reminders with .ics and the alert for shifts short of people."""

import csv
import io

import icalendar
import pytest
from freezegun import freeze_time

from engagement.mail.models import OutgoingMail
from engagement.shifts import tasks
from engagement.shifts.models import ShiftBooking

from .conftest import at, make_shift, post, sign_up, signed_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def shift_with_people(client, fest, mailoutbox):
    shift = make_shift(fest, "Aufbau", capacity=3)
    signed_up(
        client, mailoutbox, fest, [shift], name="Anna Aufbau", email="anna@example.org", phone="07252 1"
    )
    signed_up(
        client, mailoutbox, fest, [shift], name="Bernd Bühne", email="bernd@example.org", party_size="2"
    )
    signed_up(client, mailoutbox, fest, [shift], name="Carla Warte", email="carla@example.org")
    mailoutbox.clear()
    return shift


def test_the_roster_is_for_the_vereins_members_only(client, shift_with_people, other_member, superuser):
    path = f"/mein-verein/schichten/{shift_with_people.pk}/"
    assert client.get(path).status_code == 302  # anonymous: to the login
    for outsider in (other_member, superuser):
        client.force_login(outsider)
        for suffix in ("", "?format=csv", "?druck=1"):
            response = client.get(path + suffix)
            assert response.status_code == 404
            assert b"Anna" not in response.content


def test_the_roster_lists_who_comes_and_who_waits(
    client, shift_with_people, member, django_assert_max_num_queries
):
    client.force_login(member)
    with django_assert_max_num_queries(20):
        html = client.get(f"/mein-verein/schichten/{shift_with_people.pk}/").content.decode()
    assert "3 von 3 Plätzen belegt" in html
    booked = html[html.index('id="booked"') : html.index('id="waiting"')]
    assert "Anna Aufbau" in booked and "Bernd Bühne" in booked and "07252 1" in booked
    assert "Carla Warte" in html[html.index('id="waiting"') :]
    assert "Druckansicht" in html and "?format=csv" in html


def test_the_roster_query_count_does_not_grow_with_people(
    client, fest, member, mailoutbox, django_assert_max_num_queries
):
    shift = make_shift(fest, "Aufbau", capacity=50)
    for number in range(12):
        sign_up(client, fest, [shift], email=f"p{number}@example.org", remote_addr=f"10.0.0.{number}")
    client.force_login(member)
    with django_assert_max_num_queries(20):
        assert client.get(f"/mein-verein/schichten/{shift.pk}/").status_code == 200


def test_the_print_view_and_the_csv(client, shift_with_people, member):
    client.force_login(member)
    printed = client.get(f"/mein-verein/schichten/{shift_with_people.pk}/?druck=1").content.decode()
    assert "Anna Aufbau" in printed and '<th scope="col">Da</th>' in printed
    response = client.get(f"/mein-verein/schichten/{shift_with_people.pk}/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="schicht-{shift_with_people.pk}.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Name", "E-Mail", "Telefon", "Personen", "Stand", "Nachricht"]
    assert ["Anna Aufbau", "anna@example.org", "07252 1", "1", "Angemeldet", ""] in rows
    assert ["Carla Warte", "carla@example.org", "", "1", "Warteliste", ""] in rows


def test_a_name_that_looks_like_a_formula_is_defused_in_the_csv(client, fest, member, mailoutbox):
    shift = make_shift(fest)
    signed_up(client, mailoutbox, fest, [shift], name="=HYPERLINK(1)")
    client.force_login(member)
    content = client.get(f"/mein-verein/schichten/{shift.pk}/?format=csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in content


def test_a_message_goes_to_each_booked_person_alone_not_to_the_waiting_list(
    client, shift_with_people, member, mailoutbox
):
    client.force_login(member)
    response = post(
        client,
        f"/mein-verein/schichten/{shift_with_people.pk}/nachricht/",
        {"subject": "Treffpunkt geändert", "text": "Wir treffen uns am Seiteneingang."},
        follow=True,
    )
    assert "Die Nachricht geht an 2 Personen." in response.content.decode()
    assert sorted(mail.to[0] for mail in mailoutbox) == ["anna@example.org", "bernd@example.org"]
    for mail in mailoutbox:
        assert len(mail.to) == 1 and not mail.cc and not mail.bcc
        assert "Treffpunkt geändert" in mail.subject and "Seiteneingang" in mail.body
        assert "anna@example.org" not in mail.body and "bernd@example.org" not in mail.body
        assert "/bewerbung/" in mail.body  # their own status link


def test_messages_are_rate_limited_and_refused_to_outsiders(client, shift_with_people, member, other_member):
    client.force_login(other_member)
    response = post(
        client, f"/mein-verein/schichten/{shift_with_people.pk}/nachricht/", {"subject": "x", "text": "y"}
    )
    assert response.status_code == 404
    assert not OutgoingMail.objects.filter(subject__startswith="Nachricht von").exists()
    client.force_login(member)
    for number in range(5):
        post(
            client,
            f"/mein-verein/schichten/{shift_with_people.pk}/nachricht/",
            {"subject": f"N{number}", "text": "y"},
        )
    response = post(
        client, f"/mein-verein/schichten/{shift_with_people.pk}/nachricht/", {"subject": "N6", "text": "y"}
    )
    assert response.status_code == 429
    assert "schon viele Nachrichten" in response.content.decode()
    assert not OutgoingMail.objects.filter(subject__contains="N6").exists()


def test_an_empty_message_is_refused_in_german(client, shift_with_people, member, mailoutbox):
    client.force_login(member)
    response = post(
        client, f"/mein-verein/schichten/{shift_with_people.pk}/nachricht/", {"subject": "", "text": ""}
    )
    assert response.status_code == 400
    assert "Bitte schreiben Sie eine Nachricht." in response.content.decode()
    assert not mailoutbox


def test_reminders_carry_an_ics_of_the_shift_and_go_once(
    client, fest, mailoutbox, django_capture_on_commit_callbacks
):
    shift = make_shift(
        fest, "Aufbau", days=10, start=8, end=11, place="Marktplatz", requirements="Feste Schuhe"
    )
    later = make_shift(fest, "Abbau", days=10, start=20, end=22)
    signed_up(client, mailoutbox, fest, [shift, later])
    sign_up(client, fest, [shift], email="unbestaetigt@example.org")
    mailoutbox.clear()
    with freeze_time(at(8, 12)):  # 44 hours before the first shift, 56 before the second
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.queue_shift_reminders() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.queue_shift_reminders() == 0  # idempotent
    [mail] = mailoutbox
    assert mail.to == ["mia@example.org"] and "Erinnerung an Ihre Schicht" in mail.subject
    assert "Feste Schuhe" in mail.body and "Marktplatz" in mail.body
    [(filename, content, mimetype)] = mail.attachments
    assert filename == "schicht.ics" and mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == shift.starts_at and event.decoded("dtend") == shift.ends_at
    assert str(event["summary"]) == f"{fest.title}: Aufbau" and str(event["location"]) == "Marktplatz"
    assert str(event["uid"]).startswith(f"shift-{shift.pk}-")


def test_cancelled_and_waiting_bookings_get_no_reminder(
    client, fest, mailoutbox, django_capture_on_commit_callbacks
):
    shift = make_shift(fest, "Kasse", days=1, start=18, end=20, capacity=1, cancel_hours=1)
    link = signed_up(client, mailoutbox, fest, [shift], email="a@example.org")
    signed_up(client, mailoutbox, fest, [shift], email="b@example.org")
    post(
        client,
        link + "schichten/absagen/",
        {"booking": ShiftBooking.objects.get(application__email="a@example.org").pk},
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.queue_shift_reminders()
    assert [mail.to for mail in mailoutbox] == [["b@example.org"]]  # moved up, so reminded


def test_the_verein_is_alerted_once_when_a_shift_is_short_of_people(
    client, fest, member, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SHIFT_SHORT_ALERT_DAYS = 3
    short = make_shift(fest, "Aufbau", days=2, capacity=4)
    full = make_shift(fest, "Kasse", days=2, start=12, end=14, capacity=1)
    make_shift(fest, "Abbau", days=9, capacity=4)  # too far ahead
    signed_up(client, mailoutbox, fest, [short], email="a@example.org")
    signed_up(client, mailoutbox, fest, [full], email="b@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.alert_short_shifts() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.alert_short_shifts() == 0
    [mail] = mailoutbox
    assert mail.to == [member.email] and "Schicht noch nicht voll" in mail.subject
    assert "fehlen noch 3 Personen" in mail.body and f"/mein-verein/schichten/{short.pk}/" in mail.body
    assert "a@example.org" not in mail.body


def test_the_periodic_tasks_are_scheduled_and_known_to_the_worker(settings, worker_tasks):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert (
        {"shifts.queue_shift_reminders", "shifts.alert_short_shifts"} <= scheduled <= worker_tasks | scheduled
    )
    assert {"shifts.queue_shift_reminders", "shifts.alert_short_shifts"} <= worker_tasks
