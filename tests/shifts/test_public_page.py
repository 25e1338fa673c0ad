"""The offer's page shows each shift's free places live (page cache refreshed on every booking change),
no personal data; the sign-up form takes any input without a server error."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.applications.models import Application
from engagement.shifts.models import ShiftBooking

from .conftest import SIGNUP, make_shift, post, signed_up

pytestmark = pytest.mark.django_db


def cached(path):
    with CaptureQueriesContext(connection) as queries:
        Client().get(path)
    return len(queries) == 0


def test_each_booking_change_refreshes_the_cached_offer_page(client, fest, mailoutbox):
    kasse = make_shift(fest, "Kasse", capacity=2)
    assert "noch 2 von 2 Plätzen" in Client().get(fest.url).content.decode()
    assert cached(fest.url)
    link = signed_up(client, mailoutbox, fest, [kasse], name="Mia Privat", party_size="2")
    html = Client().get(fest.url).content.decode()
    assert "alle 2 Plätze vergeben – Warteliste" in html
    assert "Mia Privat" not in html and "mia@example.org" not in html
    assert cached(fest.url)
    post(client, link + "schichten/absagen/", {"booking": ShiftBooking.objects.get().pk})
    assert "noch 2 von 2 Plätzen" in Client().get(fest.url).content.decode()


def test_a_new_shift_appears_on_the_cached_page(client, fest, member):
    Client().get(fest.url)
    client.force_login(member)
    post(
        client,
        f"/mein-verein/angebote/{fest.pk}/schichten/",
        {
            "role": "Abbau",
            "day": "2030-07-01",
            "start": "20:00",
            "end": "22:00",
            "capacity": "5",
            "cancel_hours": "24",
        },
    )
    assert "Abbau, " in Client().get(fest.url).content.decode()


text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=text,
    email=st.one_of(text, st.emails()),
    phone=text,
    message=text,
    party_size=st.one_of(text, st.integers(-5, 50).map(str)),
    shift_value=st.one_of(text, st.integers(-3, 10**12).map(str)),
    website=st.sampled_from(["", "x"]),
)
def test_any_input_to_the_signup_form_is_answered_without_a_server_error(
    client, fest, name, email, phone, message, party_size, shift_value, website
):
    from django.core.cache import cache

    cache.clear()  # the rate limits are not what this test is about
    shift = make_shift(fest, "Aufbau", capacity=3)
    before = Application.objects.count(), ShiftBooking.objects.count()
    data = {
        **SIGNUP,
        "name": name,
        "email": email,
        "phone": phone,
        "message": message,
        "party_size": party_size,
        "website": website,
    }
    response = post(client, f"/schichten/{fest.pk}/anmelden/", {**data, "shifts": [shift_value, shift.pk]})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert (Application.objects.count(), ShiftBooking.objects.count()) == before
        # A German message: the form's errors, or the refusal of NUL characters (engagement/nul_bytes.py).
        answer = response.content.decode()
        assert "Fehler:" in answer or "Nullzeichen" in answer
    booked = sum(
        ShiftBooking.objects.filter(shift=shift, state="booked").values_list("party_size", flat=True)
    )
    assert booked <= shift.capacity
