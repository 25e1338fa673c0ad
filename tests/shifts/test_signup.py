"""Signing up for shifts on the offer's page: double opt-in on the application flow, party size, clashes,
full shifts and their waiting list, cancelling through the private link until the deadline."""

import pytest
from freezegun import freeze_time

from engagement.applications.models import Application
from engagement.mail.models import OutgoingMail
from engagement.shifts.models import ShiftBooking

from .conftest import at, confirm_last, make_shift, post, sign_up, signed_up, status_links

pytestmark = pytest.mark.django_db
State = ShiftBooking.State


def test_an_offer_without_shifts_keeps_the_plain_application_form(client, fest):
    html = client.get(fest.url).content.decode()
    assert f'action="/bewerben/{fest.pk}/"' in html
    assert "/schichten/" not in html


def test_the_offer_page_shows_each_shift_with_its_free_places_and_the_signup_form(client, fest):
    make_shift(fest, "Aufbau", start=8, end=11, capacity=6)
    make_shift(fest, "Kasse", start=11, end=14, capacity=2)
    html = client.get(fest.url).content.decode()
    assert f'action="/schichten/{fest.pk}/anmelden/"' in html
    assert "Aufbau, " in html and "08:00 bis 11:00\u00a0Uhr: noch 6 von 6 Plätzen" in html
    assert "11:00 bis 14:00\u00a0Uhr: noch 2 von 2 Plätzen" in html
    assert 'name="party_size"' in html and 'name="website"' in html and 'name="consent"' in html


def test_past_shifts_and_other_offers_shifts_cannot_be_booked(client, fest, verein_bretten):
    from tests.factories import make_opportunity

    other = make_opportunity(organisation=verein_bretten, title="Anderes Fest")
    foreign = make_shift(other, "Fremd")
    past = make_shift(fest, "Gestern", days=-1)
    make_shift(fest, "Aufbau")
    for shift in (foreign, past):
        response = sign_up(client, fest, [shift])
        assert response.status_code == 400
        assert "Diese Schicht gibt es nicht mehr." in response.content.decode()
    assert not Application.objects.exists() and not OutgoingMail.objects.exists()


def test_signup_holds_the_places_and_counts_only_after_the_double_opt_in(client, fest, member, mailoutbox):
    aufbau = make_shift(fest, "Aufbau", capacity=6)
    response = sign_up(client, fest, [aufbau], party_size="4")
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    booking = ShiftBooking.objects.get()
    assert booking.party_size == 4 and booking.state == State.BOOKED
    assert booking.application.confirmed_at is None and booking.application.consent_version
    # Only the confirmation mail so far; the Verein hears nothing before the second opt-in.
    assert [mail.to for mail in mailoutbox] == [["mia@example.org"]]
    assert "noch 2 von 6 Plätzen" in client.get(fest.url).content.decode()
    confirm_last(client, mailoutbox)
    booking.application.refresh_from_db()
    assert booking.application.confirmed_at is not None
    assert any(mail.to == [member.email] for mail in mailoutbox)
    # The private link shows the shift with its cancel button.
    html = client.get(status_links(mailoutbox)[-1]).content.decode()
    assert "Ihre Schichten" in html and "Aufbau, " in html and "4 Personen" in html
    assert "Diese Schicht absagen" in html


def test_a_group_larger_than_the_free_places_goes_to_the_waiting_list(client, fest, mailoutbox):
    kasse = make_shift(fest, "Kasse", capacity=3)
    signed_up(client, mailoutbox, fest, [kasse], email="a@example.org", party_size="2")
    response = sign_up(client, fest, [kasse], email="b@example.org", party_size="2")
    assert response.status_code == 200
    states = dict(ShiftBooking.objects.values_list("application__email", "state"))
    assert states == {"a@example.org": State.BOOKED, "b@example.org": State.WAITING}
    assert "noch 1 von 3 Plätzen" in client.get(fest.url).content.decode()


def test_clashing_shifts_are_refused_with_a_german_message_and_nothing_is_stored(client, fest):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11)
    kasse = make_shift(fest, "Kasse", start=10, end=13)
    response = sign_up(client, fest, [aufbau, kasse])
    assert response.status_code == 400
    html = response.content.decode()
    assert "überschneiden sich" in html and "Bitte wählen Sie nur eine davon." in html
    assert not Application.objects.exists() and not ShiftBooking.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_back_to_back_shifts_do_not_clash(client, fest):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11)
    kasse = make_shift(fest, "Kasse", start=11, end=14)
    assert sign_up(client, fest, [aufbau, kasse]).status_code == 200
    assert ShiftBooking.objects.filter(state=State.BOOKED).count() == 2


def test_a_full_shift_offers_its_waiting_list_and_a_freed_place_moves_it_up_with_a_mail(
    client, fest, mailoutbox
):
    kasse = make_shift(fest, "Kasse", capacity=1)
    first = signed_up(client, mailoutbox, fest, [kasse], email="erste@example.org")
    html = client.get(fest.url).content.decode()
    assert "alle 1 Plätze vergeben – Warteliste" in html and "voll – Sie kommen auf die Warteliste" in html
    signed_up(client, mailoutbox, fest, [kasse], email="zweite@example.org")
    waiting = ShiftBooking.objects.get(application__email="zweite@example.org")
    assert waiting.state == State.WAITING
    mailoutbox.clear()
    response = post(
        client,
        first.replace("/bewerbung/", "/bewerbung/", 1) + "schichten/absagen/",
        {"booking": ShiftBooking.objects.get(application__email="erste@example.org").pk},
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == State.BOOKED
    promoted = [mail for mail in mailoutbox if mail.to == ["zweite@example.org"]]
    assert len(promoted) == 1 and "ist ein Platz frei geworden" in promoted[0].body
    assert "/bewerbung/" in promoted[0].body  # their status link, to cancel in turn
    # The first person's only shift is cancelled: their application is withdrawn.
    assert Application.objects.get(email="erste@example.org").status == Application.Status.WITHDRAWN


def test_an_unconfirmed_signup_on_the_waiting_list_does_not_move_up(client, fest, mailoutbox):
    kasse = make_shift(fest, "Kasse", capacity=1)
    first = signed_up(client, mailoutbox, fest, [kasse], email="erste@example.org")
    sign_up(client, fest, [kasse], email="unbestaetigt@example.org")
    booking = ShiftBooking.objects.get(application__email="erste@example.org")
    post(client, first + "schichten/absagen/", {"booking": booking.pk})
    assert ShiftBooking.objects.get(application__email="unbestaetigt@example.org").state == State.WAITING


def test_cancelling_is_possible_until_the_deadline_the_verein_set(client, fest, mailoutbox):
    aufbau = make_shift(fest, "Aufbau", days=3, start=8, end=11, cancel_hours=48)
    link = signed_up(client, mailoutbox, fest, [aufbau])
    booking = ShiftBooking.objects.get()
    with freeze_time(at(1, 9)):  # 47 hours before: too late
        response = post(client, link + "schichten/absagen/", {"booking": booking.pk}, follow=True)
        assert "ist die Frist zum Absagen vorbei" in response.content.decode()
        assert "Die Frist zum Absagen ist vorbei." in client.get(link).content.decode()
    booking.refresh_from_db()
    assert booking.state == State.BOOKED
    with freeze_time(at(1, 7)):  # 49 hours before: still possible
        response = post(client, link + "schichten/absagen/", {"booking": booking.pk}, follow=True)
        assert "Abgesagt. Die Organisation ist informiert." in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == State.CANCELLED


def test_cancel_all_cancels_every_shift_still_open_to_cancel_and_tells_the_verein(
    client, fest, member, mailoutbox
):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11)
    abbau = make_shift(fest, "Abbau", start=20, end=22)
    link = signed_up(client, mailoutbox, fest, [aufbau, abbau])
    mailoutbox.clear()
    post(client, link + "schichten/absagen/", {"booking": "all"})
    assert set(ShiftBooking.objects.values_list("state", flat=True)) == {State.CANCELLED}
    told = [mail for mail in mailoutbox if mail.to == [member.email]]
    assert told and "Mia" not in told[0].body and "Aufbau, " in told[0].body and "Abbau, " in told[0].body


def test_a_wrong_token_cancels_nothing(client, fest, mailoutbox):
    aufbau = make_shift(fest)
    signed_up(client, mailoutbox, fest, [aufbau])
    booking = ShiftBooking.objects.get()
    response = post(client, "/bewerbung/falsch/schichten/absagen/", {"booking": booking.pk})
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.state == State.BOOKED


def test_one_person_cannot_cancel_another_persons_booking(client, fest, mailoutbox):
    aufbau = make_shift(fest)
    mine = signed_up(client, mailoutbox, fest, [aufbau], email="ich@example.org")
    signed_up(client, mailoutbox, fest, [aufbau], email="du@example.org")
    theirs = ShiftBooking.objects.get(application__email="du@example.org")
    post(client, mine + "schichten/absagen/", {"booking": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.state == State.BOOKED


def test_honeypot_stores_nothing_and_shows_success(client, fest):
    aufbau = make_shift(fest)
    response = sign_up(client, fest, [aufbau], website="http://spam.example")
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert not Application.objects.exists() and not ShiftBooking.objects.exists()


def test_signups_share_the_applications_rate_limit(client, fest):
    aufbau = make_shift(fest, capacity=100)
    for _attempt in range(3):
        assert sign_up(client, fest, [aufbau], email="viel@example.org", party_size="1").status_code == 200
    response = sign_up(client, fest, [aufbau], email="viel@example.org")
    assert response.status_code == 429
    assert "viele Anmeldungen" in response.content.decode()


def test_a_signup_with_an_address_already_confirmed_books_nothing_and_mails_its_owner(
    client, fest, mailoutbox
):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11)
    kasse = make_shift(fest, "Kasse", start=12, end=14)
    signed_up(client, mailoutbox, fest, [aufbau])
    mailoutbox.clear()
    response = sign_up(client, fest, [kasse])
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert not ShiftBooking.objects.filter(shift=kasse).exists()
    assert [mail.to for mail in mailoutbox] == [["mia@example.org"]]


def test_sending_an_unconfirmed_signup_again_replaces_its_choice(client, fest):
    aufbau = make_shift(fest, "Aufbau", start=8, end=11)
    kasse = make_shift(fest, "Kasse", start=12, end=14)
    sign_up(client, fest, [aufbau], party_size="3")
    sign_up(client, fest, [kasse], party_size="2")
    assert list(ShiftBooking.objects.values_list("shift", "party_size")) == [(kasse.pk, 2)]


def test_erasing_a_booked_persons_data_frees_their_place_for_the_waiting_list(client, fest, mailoutbox):
    kasse = make_shift(fest, "Kasse", capacity=1)
    first = signed_up(client, mailoutbox, fest, [kasse], email="erste@example.org")
    signed_up(client, mailoutbox, fest, [kasse], email="zweite@example.org")
    mailoutbox.clear()
    post(client, first, {"action": "erase", "confirm": "yes"})
    assert not Application.objects.filter(email="erste@example.org").exists()
    assert ShiftBooking.objects.get(application__email="zweite@example.org").state == State.BOOKED
    assert [mail.to for mail in mailoutbox] == [["zweite@example.org"]]
