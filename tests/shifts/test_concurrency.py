"""Capacity holds when 16 people sign up for the same shift at the same moment (real transactions on
PostgreSQL, one connection per thread)."""

import threading

import pytest
from django.db import connection

from engagement.shifts.models import ShiftBooking
from engagement.shifts.services import booking

from .conftest import make_shift

PEOPLE = 16


def _sign_up_together(page, shifts, party_size):
    barrier = threading.Barrier(PEOPLE)
    errors = []

    def one(number):
        try:
            barrier.wait()
            booking.sign_up(
                opportunity=page,
                client_address=f"10.1.0.{number}",
                data={"name": f"Person {number}", "email": f"p{number}@example.org", "message": ""},
                shifts=shifts,
                party_size=party_size,
            )
        except Exception as error:  # noqa: BLE001 — collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_sixteen_simultaneous_signups_never_overbook_a_shift(verein_bretten, fest):
    kasse = make_shift(fest, "Kasse", capacity=5)
    assert _sign_up_together(fest, [kasse], party_size=1) == []
    bookings = ShiftBooking.objects.filter(shift=kasse)
    assert bookings.count() == PEOPLE
    assert bookings.filter(state=ShiftBooking.State.BOOKED).count() == 5
    assert bookings.filter(state=ShiftBooking.State.WAITING).count() == PEOPLE - 5


@pytest.mark.django_db(transaction=True)
def test_simultaneous_groups_on_two_shifts_fill_each_exactly(verein_bretten, fest):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11, capacity=7)
    abbau = make_shift(fest, "Abbau", start=20, end=22, capacity=6)
    assert _sign_up_together(fest, [abbau, aufbau], party_size=2) == []
    for shift, places in ((aufbau, 6), (abbau, 6)):
        booked = ShiftBooking.objects.filter(shift=shift, state=ShiftBooking.State.BOOKED)
        assert sum(booked.values_list("party_size", flat=True)) == places
