"""Shifts in a real browser: the sign-up on an offer's page (axe, 1280 and 375 px, the real form) and the
Verein's roster (axe, both widths, print view)."""

import json

import pytest

from .conftest import SCREENSHOTS
from .test_public_pages import axe_violations, visit
from .test_verein import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def festival(site):
    from django.utils import timezone

    from engagement.applications.models import Application
    from engagement.opportunities.models import OpportunityPage
    from engagement.shifts.models import Shift, ShiftBooking
    from tests.factories import MembershipFactory, UserFactory, in_days

    page = OpportunityPage.objects.get(title="Lebensmittel ausgeben beim Sommerfest")
    shifts = [
        Shift.objects.create(
            opportunity=page,
            role=role,
            starts_at=in_days(20, start),
            ends_at=in_days(20, end),
            capacity=capacity,
        )
        for role, start, end, capacity in (("Aufbau", 8, 11, 6), ("Kasse", 11, 14, 2), ("Abbau", 18, 20, 4))
    ]
    for number, (name, party, shift) in enumerate(
        [("Lena Vogt", 2, shifts[0]), ("Familie Öztürk", 2, shifts[1]), ("Paul Weber", 1, shifts[1])]
    ):
        application = Application.objects.create(
            opportunity=page,
            name=name,
            email=f"helfer{number}@example.org",
            phone="07252 5550" + str(number),
            message="",
            consent_version="1",
            consent_given_at=timezone.now(),
            confirmed_at=timezone.now(),
        )
        state = ShiftBooking.State.BOOKED if number < 2 else ShiftBooking.State.WAITING
        ShiftBooking.objects.create(shift=shift, application=application, party_size=party, state=state)
    member = MembershipFactory(organisation=site["verein"], user=UserFactory(username="verein-bretten")).user
    return {"page": page, "shifts": shifts, "member": member}


def shots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.mark.parametrize("width", [1280, 375])
def test_signing_up_for_shifts_on_the_offer_page(page, site, festival, width):
    from engagement.shifts.models import ShiftBooking

    page.set_viewport_size({"width": width, "height": 900})
    visit(page, site["base"] + festival["page"].url)
    places = page.locator(".ev-shift-places")
    assert places.get_by_text("noch 4 von 6 Plätzen").count() == 1
    assert places.get_by_text("alle 2 Plätze vergeben – Warteliste").count() == 1
    assert axe_violations(page) == []
    page.locator("#apply").scroll_into_view_if_needed()
    page.screenshot(path=str(shots() / f"shift-signup-{width}.png"), full_page=True)

    page.get_by_label("Aufbau", exact=False).first.check()
    page.get_by_label("Abbau", exact=False).first.check()
    page.fill("#id_party_size", "3")
    page.fill("#id_name", "Mia Kraus")
    page.fill("#id_email", f"mia{width}@example.org")
    page.locator("#id_consent").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Für Schichten anmelden").click()
    assert page.locator("h1").inner_text() == "Fast geschafft!"
    bookings = ShiftBooking.objects.filter(application__email=f"mia{width}@example.org")
    assert sorted(bookings.values_list("shift__role", "party_size", "state")) == [
        ("Abbau", 3, "booked"),
        ("Aufbau", 3, "booked"),
    ]


def test_clashing_shifts_are_refused_in_the_browser_with_an_accessible_error(page, site, festival):
    from engagement.shifts.models import Shift
    from tests.factories import in_days

    Shift.objects.create(
        opportunity=festival["page"],
        role="Getränke",
        starts_at=in_days(20, 10),
        ends_at=in_days(20, 12),
        capacity=3,
    )
    visit(page, site["base"] + festival["page"].url)
    page.get_by_label("Aufbau", exact=False).first.check()
    page.get_by_label("Getränke", exact=False).first.check()
    page.fill("#id_name", "Mia Kraus")
    page.fill("#id_email", "mia@example.org")
    page.locator("#id_consent").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Für Schichten anmelden").click()
    assert page.get_by_text("überschneiden sich").count() >= 1
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    page.screenshot(path=str(shots() / "shift-signup-clash-1280.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_the_roster_of_a_shift(page, site, festival, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site["base"], "verein-bretten")
    kasse = festival["shifts"][1]
    visit(page, f"{site['base']}/mein-verein/schichten/{kasse.pk}/")
    assert page.get_by_text("Familie Öztürk").count() == 1 and page.get_by_text("Paul Weber").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=str(shots() / f"shift-roster-{width}.png"), full_page=True)
    visit(page, f"{site['base']}/mein-verein/angebote/{festival['page'].pk}/schichten/")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots() / f"shift-list-{width}.png"), full_page=True)
    visit(page, f"{site['base']}/mein-verein/schichten/{kasse.pk}/?druck=1")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots() / f"shift-roster-print-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_attendance_on_the_roster_of_a_past_shift(page, site, festival, width):
    import datetime as dt

    from django.utils import timezone

    from engagement.hours.models import HoursEntry
    from engagement.shifts.models import Shift, ShiftBooking

    yesterday = timezone.now() - dt.timedelta(days=1)
    probe = Shift.objects.create(
        opportunity=festival["page"],
        role="Probe",
        starts_at=yesterday,
        ends_at=yesterday + dt.timedelta(hours=2, minutes=30),
        capacity=6,
    )
    for booking in ShiftBooking.objects.filter(shift__in=festival["shifts"], state="booked"):
        ShiftBooking.objects.create(
            shift=probe, application=booking.application, party_size=booking.party_size
        )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site["base"], "verein-bretten")
    visit(page, f"{site['base']}/mein-verein/schichten/{probe.pk}/")
    assert page.locator("#id_hours").input_value() == "2,50"
    assert axe_violations(page) == []
    page.locator("#attendance").scroll_into_view_if_needed()
    page.screenshot(path=str(shots() / f"shift-attendance-{width}.png"), full_page=True)

    page.get_by_label("Lena Vogt war da", exact=False).uncheck()
    with page.expect_navigation():
        page.get_by_role("button", name="Anwesenheit bestätigen").click()
    page.screenshot(path=str(shots() / f"shift-attendance-done-{width}.png"), full_page=True)
    assert page.get_by_text("Anwesenheit für 2 Anmeldungen bestätigt, davon da: 1.").count() == 1
    assert axe_violations(page) == []
    page.screenshot(path=str(shots() / f"shift-attendance-done-{width}.png"), full_page=True)
    entries = HoursEntry.objects.filter(application__shift_bookings__shift=probe)
    assert sorted(entries.values_list("application__name", "attended", "hours")) == [
        ("Familie Öztürk", True, 2.5),
        ("Lena Vogt", False, 0),
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_adding_a_shift_from_the_status_page(page, site, festival, width):
    from engagement.applications.models import AccessToken
    from engagement.shifts.models import ShiftBooking

    lena = ShiftBooking.objects.get(application__name="Lena Vogt").application
    token = AccessToken.issue(lena, AccessToken.Purpose.STATUS)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, f"{site['base']}/bewerbung/{token}/")
    assert axe_violations(page) == []
    page.locator("#more-shifts").scroll_into_view_if_needed()
    page.screenshot(path=str(shots() / f"shift-status-add-{width}.png"), full_page=True)
    page.get_by_label("Abbau", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Schichten hinzufügen").click()
    assert page.get_by_text("Sie sind für 1 weitere Schicht angemeldet.").count() == 1
    assert axe_violations(page) == []
    assert sorted(ShiftBooking.objects.filter(application=lena).values_list("shift__role", "party_size")) == [
        ("Abbau", 2),
        ("Aufbau", 2),
    ]
