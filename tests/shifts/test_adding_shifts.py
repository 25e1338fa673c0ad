"""A confirmed person adds further shifts from their private status link, with the same rules as the
sign-up: capacity (full → waiting list), clashes refused, nothing foreign or past."""

import pytest

from engagement.shifts.models import ShiftBooking

from .conftest import make_shift, post, signed_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def mia(client, fest, mailoutbox):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11, capacity=6)
    link = signed_up(client, mailoutbox, fest, [aufbau], party_size="2")
    return {"link": link, "aufbau": aufbau}


def add(client, link, shifts):
    return post(client, f"{link}schichten/hinzufuegen/", {"shifts": [shift.pk for shift in shifts]})


def held(email="mia@example.org"):
    return sorted(
        ShiftBooking.objects.active()
        .filter(application__email=email)
        .values_list("shift__role", "party_size", "state")
    )


def test_wrong_links_and_foreign_or_past_shifts_add_nothing(client, mia, fest, verein_bretten):
    from tests.factories import make_opportunity

    kasse = make_shift(fest, "Kasse", start=12, end=14)
    assert add(client, "/bewerbung/falsch/", [kasse]).status_code == 404
    other_offer = make_opportunity(organisation=verein_bretten, title="Anderes Fest")
    foreign = make_shift(other_offer, "Fremd", start=12, end=14)
    past = make_shift(fest, "Vorbei", days=-1)
    for shifts in ([foreign], [past], []):
        response = add(client, mia["link"], shifts)
        assert response.status_code == 302
    assert held() == [("Aufbau", 2, "booked")]


def test_the_status_page_offers_the_other_shifts_and_adds_them_with_the_party_size(client, mia, fest):
    kasse = make_shift(fest, "Kasse", start=12, end=14, capacity=2)
    html = client.get(mia["link"]).content.decode()
    form = html[html.index('id="more-shifts"') :]
    assert f'value="{kasse.pk}"' in form and f'value="{mia["aufbau"].pk}"' not in form
    assert "noch 2 von 2 Plätzen" in form
    response = add(client, mia["link"], [kasse])
    assert response.status_code == 302
    page = client.get(mia["link"]).content.decode()
    assert "Sie sind für 1 weitere Schicht angemeldet." in page
    assert held() == [("Aufbau", 2, "booked"), ("Kasse", 2, "booked")]
    # Sending again adds nothing twice.
    add(client, mia["link"], [kasse])
    assert "Für diese Schicht sind Sie schon angemeldet." in client.get(mia["link"]).content.decode()
    assert held() == [("Aufbau", 2, "booked"), ("Kasse", 2, "booked")]


def test_a_clash_with_a_held_shift_is_refused(client, mia, fest):
    overlapping = make_shift(fest, "Getränke", start=10, end=12)
    add(client, mia["link"], [overlapping])
    assert "überschneiden sich" in client.get(mia["link"]).content.decode()
    assert held() == [("Aufbau", 2, "booked")]


def test_a_full_shift_puts_the_group_on_its_waiting_list(client, mia, fest):
    kasse = make_shift(fest, "Kasse", start=12, end=14, capacity=1)
    add(client, mia["link"], [kasse])
    assert "Ausgebucht, Sie stehen auf der Warteliste: Kasse" in client.get(mia["link"]).content.decode()
    assert held() == [("Aufbau", 2, "booked"), ("Kasse", 2, "waiting")]


def test_after_withdrawing_nothing_can_be_added(client, mia, fest):
    kasse = make_shift(fest, "Kasse", start=12, end=14)
    post(client, f"{mia['link']}schichten/absagen/", {"booking": "all"})
    html = client.get(mia["link"]).content.decode()
    assert 'id="more-shifts"' not in html
    add(client, mia["link"], [kasse])
    assert held() == []
