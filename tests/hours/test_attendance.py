"""The Verein confirms who came and the hours: for all accepted applicants at once, with corrections."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement.hours import services
from engagement.hours.models import HoursEntry
from tests.applications.conftest import post
from tests.hours.conftest import LAST_WEEK, attendance_data

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_go_to_the_login(client, page):
    response = client.get(f"/mein-verein/stunden/angebot/{page.pk}/")
    assert response.status_code == 302 and response.url.startswith("/mein-verein/anmelden/")


def test_another_verein_never_sees_or_records_hours_of_an_offer_not_its_own(
    client, member, page, helpers, other_verein
):
    mia, _ = helpers["mia"]
    client.force_login(member)
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia]))
    entry = HoursEntry.objects.get(application=mia)
    client.force_login(other_verein["owner"])
    assert client.get(f"/mein-verein/stunden/angebot/{page.pk}/").status_code == 404
    assert client.get(f"/mein-verein/stunden/eintrag/{entry.pk}/").status_code == 404
    response = post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia], hours="9"))
    assert response.status_code == 404
    response = post(client, f"/mein-verein/stunden/eintrag/{entry.pk}/", {"attended": "on", "hours": "9"})
    assert response.status_code == 404
    assert post(client, f"/mein-verein/stunden/eintrag/{entry.pk}/", {"action": "delete"}).status_code == 404
    own = client.get(f"/mein-verein/stunden/angebot/{other_verein['page'].pk}/").content.decode()
    assert "Mia Kraus" not in own
    entry.refresh_from_db()
    assert entry.hours == Decimal("3.00")


def test_bulk_confirmation_gives_everyone_ticked_the_same_hours_and_records_who_did_not_come(
    client, member, page, helpers
):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    client.force_login(member)
    form = client.get(f"/mein-verein/stunden/angebot/{page.pk}/").content.decode()
    assert "Mia Kraus war da" in form and "Jonas Weber war da" in form
    response = post(
        client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia, jonas], absent=[jonas])
    )
    assert response.status_code == 302
    came = HoursEntry.objects.get(application=mia)
    away = HoursEntry.objects.get(application=jonas)
    assert (came.date, came.hours, came.attended, came.label) == (
        LAST_WEEK,
        Decimal(3),
        True,
        "Aufbau Stadtfest",
    )
    assert (away.hours, away.attended) == (Decimal(0), False)
    assert came.confirmed_by == member and came.confirmed_at is not None
    listing = client.get(f"/mein-verein/stunden/angebot/{page.pk}/").content.decode()
    assert "nicht erschienen" in listing


def test_an_individual_number_of_hours_overrides_the_common_one(client, member, page, helpers):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    client.force_login(member)
    post(
        client,
        f"/mein-verein/stunden/angebot/{page.pk}/",
        attendance_data([mia, jonas], own_hours={jonas: "1,5"}),
    )
    assert HoursEntry.objects.get(application=mia).hours == Decimal(3)
    assert HoursEntry.objects.get(application=jonas).hours == Decimal("1.5")


def test_a_regular_offer_is_confirmed_per_month(client, member, page, helpers):
    mia = helpers["mia"][0]
    client.force_login(member)
    response = client.get(f"/mein-verein/stunden/angebot/{page.pk}/")
    assert response.context["form"]["period"].value() == "month"  # the default for a regular offer
    last_month = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    data = {
        "period": "month",
        "month": f"{last_month:%Y-%m}",
        "hours": "12",
        "label": "Vorlesen",
        f"came_{mia.pk}": "on",
    }
    assert post(client, f"/mein-verein/stunden/angebot/{page.pk}/", data).status_code == 302
    entry = HoursEntry.objects.get(application=mia)
    assert (entry.period, entry.date, entry.hours) == ("month", last_month.replace(day=1), Decimal(12))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "tomorrow"}, "erst bestätigen, wenn der Einsatz war"),
        ({"date": ""}, "Bitte geben Sie den Tag an."),
        ({"hours": "25"}, "zwischen 0,25 und 24 Stunden"),
        ({"hours": "viel"}, "Bitte geben Sie die Stunden als Zahl an"),
        ({"period": "month", "month": "2026-13"}, "Bitte geben Sie den Monat an"),
    ],
)
def test_bad_input_changes_nothing_and_says_why_in_german(client, member, page, helpers, changes, message):
    if changes.get("date") == "tomorrow":
        # Asked when the test runs, not when it is collected: a run across midnight would make it today.
        changes = {"date": (timezone.localdate() + dt.timedelta(days=1)).isoformat()}
    mia = helpers["mia"][0]
    client.force_login(member)
    response = post(client, f"/mein-verein/stunden/angebot/{page.pk}/", {**attendance_data([mia]), **changes})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_confirming_the_same_day_again_corrects_instead_of_doubling(client, member, page, helpers):
    mia = helpers["mia"][0]
    client.force_login(member)
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia]))
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia], hours="4"))
    assert list(HoursEntry.objects.filter(application=mia).values_list("hours", flat=True)) == [Decimal(4)]


def test_one_entry_is_corrected_or_deleted_on_its_own(client, member, plain_member, page, helpers):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    client.force_login(member)
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", attendance_data([mia, jonas]))
    entry = HoursEntry.objects.get(application=jonas)
    client.force_login(plain_member)  # any member of the Verein may correct
    form = client.get(f"/mein-verein/stunden/eintrag/{entry.pk}/").content.decode()
    assert "Jonas Weber" in form
    response = post(
        client, f"/mein-verein/stunden/eintrag/{entry.pk}/", {"hours": "", "label": "Aufbau Stadtfest"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.attended, entry.hours, entry.confirmed_by) == (False, Decimal(0), plain_member)
    response = post(client, f"/mein-verein/stunden/eintrag/{entry.pk}/", {"attended": "on", "hours": ""})
    assert response.status_code == 400 and "Bitte geben Sie die Stunden an." in response.content.decode()
    post(client, f"/mein-verein/stunden/eintrag/{entry.pk}/", {"action": "delete"})
    assert list(HoursEntry.objects.values_list("application", flat=True)) == [mia.pk]


def test_only_accepted_applicants_are_listed(client, member, page, helpers, confirmed):
    waiting, _ = confirmed(name="Lena Wartend", email="lena@example.org")
    client.force_login(member)
    form = client.get(f"/mein-verein/stunden/angebot/{page.pk}/").content.decode()
    assert "Mia Kraus" in form and "Lena Wartend" not in form
    data = {**attendance_data([helpers["mia"][0]]), f"came_{waiting.pk}": "on"}
    post(client, f"/mein-verein/stunden/angebot/{page.pk}/", data)
    assert not HoursEntry.objects.filter(application=waiting).exists()


def test_the_shifts_roster_records_through_one_service_all_or_nothing(
    member, verein_bretten, helpers, other_verein, confirmed
):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    foreign, _ = confirmed(other_verein["page"], name="Fremd Person", email="fremd@example.org")
    with pytest.raises(ValidationError):
        services.record_attendance(
            verein_bretten,
            [
                (mia, LAST_WEEK, Decimal(3), True, "Kasse, Sa 8–11 Uhr"),
                (foreign, LAST_WEEK, Decimal(3), True, ""),
            ],
            confirmed_by=member,
        )
    assert not HoursEntry.objects.exists()
    items = [
        (mia, LAST_WEEK, Decimal(3), True, "Kasse, Sa 8–11 Uhr"),
        (mia, LAST_WEEK, Decimal(2), True, "Abbau, Sa 18–20 Uhr"),
        services.Attendance(jonas, LAST_WEEK, Decimal(3), False, "Kasse, Sa 8–11 Uhr"),
    ]
    services.record_attendance(verein_bretten, items, confirmed_by=member)
    services.record_attendance(verein_bretten, items, confirmed_by=member)  # sent twice: nothing doubles
    assert HoursEntry.objects.count() == 3
    assert sum(entry.hours for entry in HoursEntry.objects.filter(attended=True)) == Decimal(5)
    assert HoursEntry.objects.get(application=jonas).hours == 0


def test_the_list_of_entries_costs_the_same_queries_with_more_rows(
    client, member, page, helpers, django_assert_max_num_queries
):
    mia, jonas = helpers["mia"][0], helpers["jonas"][0]
    client.force_login(member)
    for days in range(1, 30):
        day = timezone.localdate() - dt.timedelta(days=days)
        services.record_attendance(
            page.organisation, [(mia, day, 2, True, "A"), (jonas, day, 2, True, "A")], member
        )
    with django_assert_max_num_queries(20):
        response = client.get(f"/mein-verein/stunden/angebot/{page.pk}/")
    assert response.content.decode().count("Eintrag korrigieren") == 58


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hours=st.text(max_size=12), label=st.text(max_size=240), month=st.text(max_size=10))
def test_any_text_in_the_form_is_answered_without_server_error(
    client, member, page, helpers, hours, label, month
):
    mia = helpers["mia"][0]
    client.force_login(member)
    HoursEntry.objects.all().delete()
    data = {**attendance_data([mia], hours=hours, label=label), "period": "month", "month": month}
    response = post(client, f"/mein-verein/stunden/angebot/{page.pk}/", data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert not HoursEntry.objects.exists()
