"""Attendance on a shift's roster: who came and the hours, bulk by default, single corrections,
"nicht erschienen", sending again corrects; the hours reach the volunteer's own record."""

import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from freezegun import freeze_time

from engagement.hours.models import HoursEntry
from engagement.shifts.models import ShiftBooking
from tests.factories import UserFactory

from .conftest import at, make_shift, post, signed_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


@pytest.fixture
def crew(client, fest, mailoutbox):
    """An "Aufbau" shift tomorrow 8–11:30: Anna alone, Bernd with a group of 3, Carla on the waiting list."""
    shift = make_shift(fest, "Aufbau", days=1, start=8, end=11, capacity=4)
    shift.ends_at = at(1, 11, 30)
    shift.save()
    links = {
        "anna": signed_up(client, mailoutbox, fest, [shift], name="Anna Aufbau", email="anna@example.org"),
        "bernd": signed_up(
            client, mailoutbox, fest, [shift], name="Bernd Bühne", email="bernd@example.org", party_size="3"
        ),
        "carla": signed_up(client, mailoutbox, fest, [shift], name="Carla Warte", email="carla@example.org"),
    }
    bookings = {
        key: ShiftBooking.objects.get(shift=shift, application__email=f"{key}@example.org") for key in links
    }
    assert bookings["carla"].state == ShiftBooking.State.WAITING
    return {"shift": shift, "links": links, "bookings": bookings}


def roster(crew):
    return f"/mein-verein/schichten/{crew['shift'].pk}/"


def send(client, crew, data):
    return post(client, roster(crew) + "anwesenheit/", data)


def test_outsiders_can_neither_see_nor_confirm_attendance(client, crew, other_member, city_editor):
    anna = crew["bookings"]["anna"]
    with freeze_time(at(1, 12)):
        assert send(client, crew, {"hours": "3", f"came_{anna.pk}": "on"}).status_code == 302  # to the login
        for outsider in (other_member, city_editor):
            client.force_login(outsider)
            response = client.get(roster(crew))
            assert response.status_code in (403, 404)
            assert b"Anna" not in response.content
            response = send(client, crew, {"hours": "3", f"came_{anna.pk}": "on"})
            assert response.status_code in (403, 404)
            assert b"Anna" not in response.content
    assert not HoursEntry.objects.exists()


def test_before_the_shifts_day_there_is_nothing_to_confirm(client, crew, member):
    anna = crew["bookings"]["anna"]
    client.force_login(member)
    html = client.get(roster(crew)).content.decode()
    assert "Anwesenheit bestätigen" not in html
    response = send(client, crew, {"hours": "3", f"came_{anna.pk}": "on"})
    assert response.status_code == 302
    assert not HoursEntry.objects.exists()


def test_everyone_booked_is_ticked_with_the_shifts_length(client, crew, member):
    client.force_login(member)
    with freeze_time(at(1, 12)):
        html = client.get(roster(crew)).content.decode()
    form = html[html.index('id="attendance"') :]
    anna, bernd, carla = (crew["bookings"][key] for key in ("anna", "bernd", "carla"))
    assert 'value="3,50"' in form  # 8:00 to 11:30
    assert f'name="came_{anna.pk}"' in form and f'name="came_{bernd.pk}"' in form
    assert f'name="came_{carla.pk}"' not in form  # the waiting list did not come
    assert "Bernd Bühne war da (Gruppe von 3 Personen)" in form
    assert form.count("checked") == 2


def test_bulk_correction_no_show_and_sending_again(client, crew, member, mailoutbox):
    anna, bernd = crew["bookings"]["anna"], crew["bookings"]["bernd"]
    client.force_login(member)
    with freeze_time(at(1, 12)):
        response = send(client, crew, {"hours": "3,5", f"came_{anna.pk}": "on", f"came_{bernd.pk}": "on"})
        assert response.status_code == 302
        html = client.get(roster(crew)).content.decode()
        assert "Anwesenheit für 2 Anmeldungen bestätigt, davon da: 2." in html
        # Hours per person of the booking: Bernd's group of three makes 3 × 3.5, Anna 3.5.
        assert "zusammen 14 Personenstunden" in html

        # Anna left early, Bernd's group did not come: sent again, the entries are corrected.
        response = send(client, crew, {"hours": "3,5", f"came_{anna.pk}": "on", f"hours_{anna.pk}": "2"})
        assert response.status_code == 302
        html = client.get(roster(crew)).content.decode()
    entries = {entry.application.email: entry for entry in HoursEntry.objects.select_related("application")}
    assert len(entries) == 2  # corrected, not doubled
    assert entries["anna@example.org"].hours == Decimal(2) and entries["anna@example.org"].attended
    assert entries["bernd@example.org"].hours == 0 and not entries["bernd@example.org"].attended
    assert entries["anna@example.org"].label.startswith("Aufbau, ")
    assert entries["anna@example.org"].date == at(1, 8).date()
    assert entries["anna@example.org"].confirmed_by == member
    # The form shows what was confirmed: Anna's own hours, Bernd unticked.
    form = html[html.index('id="attendance"') :]
    assert 'value="2,00"' in form  # Anna's own hours beside her name
    assert form.count("checked") == 1


def test_wrong_hours_change_nothing(client, crew, member):
    anna = crew["bookings"]["anna"]
    client.force_login(member)
    with freeze_time(at(1, 12)):
        for hours in ("0", "25", "viel", "-1"):
            response = send(client, crew, {"hours": hours, f"came_{anna.pk}": "on"})
            assert response.status_code == 400
            assert "Bitte" in response.content.decode()
        response = send(client, crew, {"hours": "3", f"came_{anna.pk}": "on", f"hours_{anna.pk}": "30"})
        assert response.status_code == 400
    assert not HoursEntry.objects.exists()


def test_the_volunteers_record_shows_the_shifts_hours(client, crew, member):
    anna = crew["bookings"]["anna"]
    client.force_login(member)
    with freeze_time(at(1, 12)):
        send(client, crew, {"hours": "3,5", f"came_{anna.pk}": "on"})
    client.logout()
    with freeze_time(at(2, 12)):
        record = client.get(crew["links"]["anna"] + "stunden/").content.decode()
        assert "Aufbau" in record and "3,5" in record
        bernds = client.get(crew["links"]["bernd"] + "stunden/").content.decode()
        assert "3,5" not in bernds  # "nicht erschienen" is not counted as hours


def test_the_art_15_download_holds_bookings_hours_and_certificates(client, crew, member):
    anna = crew["bookings"]["anna"]
    link = crew["links"]["anna"]
    client.force_login(member)
    with freeze_time(at(1, 12)):
        send(client, crew, {"hours": "3,5", f"came_{anna.pk}": "on"})
    client.logout()
    with freeze_time(at(2, 12)):
        post(client, f"{link}stunden/", {"action": "request"})
        client.force_login(member)
        issue = {"signer_name": "Petra Vorstand", "signer_role": "Vorsitzende", "tasks": "Aufbau"}
        response = post(client, f"/mein-verein/stunden/nachweise/ausstellen/{anna.application_id}/", issue)
        assert response.status_code == 302
        client.logout()
        response = post(client, link, {"action": "export"})
    export = json.loads(response.content)
    [booked] = export["schichten"]
    assert booked["schicht"].startswith("Aufbau, ") and booked["personen"] == 1
    assert booked["stand"] == "Angemeldet"
    [hours] = export["stunden"]
    assert hours["stunden"] == "3.50" and hours["erschienen"] is True
    assert hours["taetigkeit"].startswith("Aufbau, ")
    [certificate] = export["nachweise"]
    assert certificate["status"] == "issued" and certificate["stunden"] == "3.50"
    assert certificate["name"] == "Anna Aufbau" and certificate["taetigkeiten"] == ["Aufbau"]
    # Bernd's download holds his own "nicht erschienen" (it is stored about him), nothing of Anna's.
    other = json.loads(post(client, crew["links"]["bernd"], {"action": "export"}).content)
    assert [(h["erschienen"], h["stunden"]) for h in other["stunden"]] == [(False, "0.00")]
    assert other["nachweise"] == [] and "Anna" not in json.dumps(other)
    assert [b["personen"] for b in other["schichten"]] == [3]
