"""The Verein plans shifts in its dashboard: create, edit, delete, copy from last year's offer."""

import datetime as dt

import pytest
from django.utils import timezone

from engagement.shifts.models import Shift
from tests.factories import make_opportunity

from .conftest import make_shift, post, sign_up

pytestmark = pytest.mark.django_db

NEW = {
    "role": "Kasse",
    "day": "",
    "start": "14:00",
    "end": "17:30",
    "place": "Marktplatz, Stand 3",
    "capacity": "4",
    "requirements": "Kassenerfahrung hilft",
    "cancel_hours": "24",
}


def test_anonymous_visitors_go_to_the_login_and_another_verein_is_refused(client, fest, other_member):
    assert client.get(f"/mein-verein/angebote/{fest.pk}/schichten/").status_code == 302
    client.force_login(other_member)
    assert client.get(f"/mein-verein/angebote/{fest.pk}/schichten/").status_code == 403
    response = post(client, f"/mein-verein/angebote/{fest.pk}/schichten/", {**NEW, "day": "2027-07-03"})
    assert response.status_code == 403
    assert not Shift.objects.exists()


def test_a_member_creates_a_shift_through_the_form(client, fest, member):
    client.force_login(member)
    day = timezone.localdate() + dt.timedelta(days=30)
    response = post(
        client, f"/mein-verein/angebote/{fest.pk}/schichten/", {**NEW, "day": day.isoformat()}, follow=True
    )
    assert "Die Schicht ist angelegt." in response.content.decode()
    shift = Shift.objects.get()
    assert shift.opportunity_id == fest.pk and shift.role == "Kasse" and shift.capacity == 4
    assert timezone.localtime(shift.starts_at).time() == dt.time(14, 0)
    assert timezone.localtime(shift.ends_at).time() == dt.time(17, 30)
    assert "0 von 4" in response.content.decode()


def test_a_night_shift_ends_the_next_day(client, fest, member):
    client.force_login(member)
    post(
        client,
        f"/mein-verein/angebote/{fest.pk}/schichten/",
        {**NEW, "day": "2027-07-03", "start": "22:00", "end": "02:00"},
    )
    shift = Shift.objects.get()
    assert shift.ends_at - shift.starts_at == dt.timedelta(hours=4)


def test_bad_input_gets_german_messages_and_saves_nothing(client, fest, member):
    client.force_login(member)
    response = post(
        client,
        f"/mein-verein/angebote/{fest.pk}/schichten/",
        {**NEW, "day": "", "capacity": "0", "start": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie den Tag an." in html and "Bitte geben Sie den Beginn an." in html
    assert "größer oder gleich 1" in html
    assert not Shift.objects.exists()


def test_a_member_edits_a_shift_and_another_verein_cannot(client, fest, member, other_member):
    shift = make_shift(fest, "Aufbau", capacity=6)
    day = timezone.localtime(shift.starts_at).date().isoformat()
    client.force_login(other_member)
    assert client.get(f"/mein-verein/schichten/{shift.pk}/bearbeiten/").status_code == 404
    post(client, f"/mein-verein/schichten/{shift.pk}/bearbeiten/", {**NEW, "day": day, "capacity": "99"})
    shift.refresh_from_db()
    assert shift.capacity == 6
    client.force_login(member)
    html = client.get(f"/mein-verein/schichten/{shift.pk}/bearbeiten/").content.decode()
    assert 'value="08:00"' in html and f'value="{day}"' in html
    post(client, f"/mein-verein/schichten/{shift.pk}/bearbeiten/", {**NEW, "day": day, "capacity": "8"})
    shift.refresh_from_db()
    assert shift.capacity == 8 and shift.role == "Kasse"


def test_a_shift_with_people_signed_up_is_not_deleted(client, fest, member):
    shift = make_shift(fest)
    sign_up(client, fest, [shift])
    client.force_login(member)
    response = post(
        client, f"/mein-verein/schichten/{shift.pk}/bearbeiten/", {"action": "delete"}, follow=True
    )
    assert "Für diese Schicht sind Personen angemeldet." in response.content.decode()
    assert Shift.objects.filter(pk=shift.pk).exists()
    empty = make_shift(fest, "Abbau", start=20, end=22)
    post(client, f"/mein-verein/schichten/{empty.pk}/bearbeiten/", {"action": "delete"})
    assert not Shift.objects.filter(pk=empty.pk).exists()


def test_copying_last_years_shifts_onto_a_new_offer_moves_them_by_the_days_given(
    client, verein_bretten, member, fest
):
    last_year = make_opportunity(organisation=verein_bretten, title="Peter-und-Paul-Fest 2025", publish=False)
    aufbau = make_shift(
        last_year, "Aufbau", days=-364, start=8, end=11, capacity=6, requirements="Feste Schuhe"
    )
    kasse = make_shift(last_year, "Kasse", days=-364, start=11, end=14, capacity=2, cancel_hours=72)
    sign_up(client, last_year, [])  # nothing to book: bookings never travel with a copy
    client.force_login(member)
    html = client.get(f"/mein-verein/angebote/{fest.pk}/schichten/").content.decode()
    assert "Peter-und-Paul-Fest 2025" in html
    response = post(
        client,
        f"/mein-verein/angebote/{fest.pk}/schichten/kopieren/",
        {"source": last_year.pk, "days": "364"},
        follow=True,
    )
    assert "2 Schichten übernommen." in response.content.decode()
    copies = list(Shift.objects.filter(opportunity=fest).order_by("starts_at"))
    assert [(c.role, c.capacity, c.requirements, c.cancel_hours) for c in copies] == [
        ("Aufbau", 6, "Feste Schuhe", 24),
        ("Kasse", 2, "", 72),
    ]
    assert copies[0].starts_at == aufbau.starts_at + dt.timedelta(days=364)
    assert copies[1].ends_at == kasse.ends_at + dt.timedelta(days=364)
    assert Shift.objects.filter(opportunity=last_year).count() == 2
    assert not copies[0].bookings.exists()


def test_shifts_of_another_vereins_offer_cannot_be_copied(client, fest, member, other_member):
    foreign_page = make_opportunity(
        organisation=other_member.memberships.get().organisation, title="Fremdes Fest"
    )
    make_shift(foreign_page, "Geheim")
    client.force_login(member)
    response = post(
        client,
        f"/mein-verein/angebote/{fest.pk}/schichten/kopieren/",
        {"source": foreign_page.pk, "days": "0"},
    )
    assert response.status_code == 400
    assert "Bitte wählen Sie eines Ihrer Angebote mit Schichten." in response.content.decode()
    assert not Shift.objects.filter(opportunity=fest).exists()


def test_the_city_sees_the_shifts_in_moderation_with_counts_never_names(client, fest, mailoutbox):
    from tests.factories import UserFactory

    shift = make_shift(fest, "Aufbau", capacity=6, requirements="Feste Schuhe")
    sign_up(client, fest, [shift], name="Mia Geheimname", party_size="2")
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(fest.city.editor_group)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{fest.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aufbau, " in html and "Feste Schuhe" in html
    panel = html[html.index("Die Organisation plant die Schichten") - 3000 :]
    assert "<td>6</td><td>2</td><td>0</td>" in panel.replace("\n", "")
    assert "Geheimname" not in html and "mia@example.org" not in html
    # A city editor does not reach the Verein's roster either.
    assert client.get(f"/mein-verein/schichten/{shift.pk}/").status_code == 404


def test_the_dashboard_overview_links_to_each_offers_shifts(client, fest, member):
    client.force_login(member)
    assert f"/mein-verein/angebote/{fest.pk}/schichten/" in client.get("/mein-verein/").content.decode()
