"""The "Statistik" report: figures against a hand-counted city, one city per editor, exports, cost.

The clock stands still on 15 June 2026 (12:00 in Germany), so the period "last 12 months" runs from
1 July 2025 to 15 June 2026. Every expected number below is counted by hand from the fixture.
"""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from openpyxl import load_workbook

from engagement.applications.models import Application, StatusChange
from engagement.moderation.statistics import Period, city_statistics
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from tests.factories import OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

URL = "/admin/statistik/"


@pytest.fixture(autouse=True)
def _frozen_clock():
    with freeze_time("2026-06-15 10:00:00"):
        yield


def moment(day, hour=10):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)), dt.UTC)


def apply(opportunity, confirmed_on=None, answer=None, applicant_withdrew_after=None):
    """An application confirmed on `confirmed_on`; `answer` = (days later, status) by the organisation."""
    application = Application.objects.create(
        opportunity=opportunity,
        name="Erika Mustermann",
        email=f"erika{Application.objects.count()}@example.org",
        message="Ich helfe gern.",
        consent_version="1",
        consent_given_at=timezone.now(),
        confirmed_at=moment(confirmed_on) if confirmed_on else None,
    )
    changes = []
    if answer:
        days, status = answer
        changes.append((days, status, UserFactory()))
    if applicant_withdrew_after is not None:
        changes.append((applicant_withdrew_after, Application.Status.WITHDRAWN, None))
    for days, status, by in changes:
        change = StatusChange.objects.create(
            application=application, from_status="requested", to_status=status, changed_by=by
        )
        changed_at = moment(confirmed_on) + dt.timedelta(days=days)
        StatusChange.objects.filter(pk=change.pk).update(changed_at=changed_at)
        Application.objects.filter(pk=application.pk).update(status=status)
        if by is not None:  # the organisation's change is its answer (as services/replies.py records it)
            Application.objects.filter(pk=application.pk, answered_at__isnull=True).update(
                answered_at=changed_at
            )
    return application


def organisation(city, name, created_on=None):
    made = OrganisationFactory(name=name, home_city=city)
    if created_on:
        Organisation.objects.filter(pk=made.pk).update(created_at=moment(created_on))
    return made


@pytest.fixture
def bretten_figures(bretten):
    verein = organisation(bretten, "Schachclub Bretten")  # June 2026
    organisation(bretten, "Alter Verein Bretten", dt.date(2025, 3, 1))  # before the period
    organisation(bretten, "Märzverein Bretten", dt.date(2026, 3, 10))

    def offer(title, **fields):
        return make_opportunity(city=bretten, organisation=verein, title=title, **fields)

    regular = offer("Lesepaten Bretten")
    offer("Flexibel helfen Bretten", schedule_kind="flexible", categories=("soziales", "umwelt-natur"))
    offer(
        "Sommerfest Bretten",
        schedule_kind="one_off",
        event_start=moment(dt.date(2026, 7, 1)),
        categories=("bildung",),
    )
    offer("Entwurf Bretten", publish=False)
    half_filled = offer("Abgelaufen halb besetzt", end_date=dt.date(2026, 6, 5), volunteers_needed=2)
    offer("Abgelaufen voll", end_date=dt.date(2026, 5, 1), recruitment_status="filled")
    filled_by_acceptance = offer("Abgelaufen mit Zusage", application_deadline=dt.date(2026, 4, 1))
    offer("Lange vorbei", end_date=dt.date(2025, 1, 10))
    offer("Termin vorbei", schedule_kind="one_off", event_start=moment(dt.date(2026, 2, 1)))

    apply(regular, dt.date(2026, 5, 26), answer=(2, "accepted"))
    apply(regular, dt.date(2026, 5, 16), answer=(10, "declined"))
    apply(regular, dt.date(2026, 5, 31))
    apply(regular, dt.date(2026, 6, 13))  # two days old: not yet due for an answer
    apply(regular)  # never confirmed
    apply(regular, dt.date(2026, 5, 6), applicant_withdrew_after=1)  # withdrawing is no answer
    apply(regular, dt.date(2025, 5, 1), answer=(1, "accepted"))  # before the period
    apply(half_filled, dt.date(2026, 6, 1), answer=(1, "accepted"))
    apply(filled_by_acceptance, dt.date(2026, 3, 20), answer=(4, "accepted"))


@pytest.fixture
def ettlingen_figures(ettlingen):
    verein = organisation(ettlingen, "Kanuclub Ettlingen")
    paddling = make_opportunity(city=ettlingen, organisation=verein, title="Paddeln Ettlingen")
    apply(paddling, dt.date(2026, 4, 10), answer=(1, "accepted"))
    apply(paddling, dt.date(2026, 4, 10))
    apply(paddling, dt.date(2026, 4, 11))


def editor_of(city_name):
    user = UserFactory(username=f"redaktion-{city_name.lower()}")
    user.groups.add(Group.objects.get(name=f"Redaktion {city_name}"))
    return user


def summary(response):
    html = response.content.decode()
    table = html.split("Auf einen Blick</caption>")[1].split("</table>")[0]
    return dict(re.findall(r'<th scope="row">(.*?)</th><td data-figure="\d+">(.*?)</td>', table))


def test_figures_match_the_hand_counted_city(bretten, ettlingen, bretten_figures, ettlingen_figures):
    from engagement.cities.models import CityPage

    report = city_statistics(CityPage.objects.filter(pk=bretten.pk), Period.last_months(12))

    by_category = {row.label: row.value for row in report.live_by_category}
    assert by_category["Soziales"] == 2
    assert by_category["Umwelt & Natur"] == 1
    assert by_category["Bildung"] == 1
    assert by_category["Tierschutz"] == 0
    assert [(row.label, row.value) for row in report.live_by_schedule] == [
        ("Einmalig", 1),
        ("Regelmäßig", 1),
        ("Flexibel", 1),
    ]
    organisations = {row.label: row.value for row in report.organisations_by_month}
    assert len(organisations) == 12 and report.organisations_by_month[0].label == "Juli 2025"
    assert (organisations["März 2026"], organisations["Juni 2026"], sum(organisations.values())) == (1, 1, 2)
    applications = {row.label: row.value for row in report.applications_by_month}
    assert (applications["März 2026"], applications["Mai 2026"], applications["Juni 2026"]) == (1, 4, 2)
    assert sum(applications.values()) == 7
    assert (report.applications_due, report.answered_within_window, report.answered) == (6, 3, 4)
    assert report.answered_share == 50.0
    assert report.median_days_to_answer == 3.0  # answers after 1, 2, 4 and 10 days
    assert report.expired_unfilled == 2  # half filled, the one-off date in February


def test_editor_sees_the_report_of_their_city(client, bretten, ettlingen, bretten_figures, ettlingen_figures):
    client.force_login(editor_of("Bretten"))
    response = client.get(URL)
    assert response.status_code == 200
    figures = summary(response)
    assert figures["Angebote online"] == "3"
    assert figures["Bewerbungen im Zeitraum"] == "7"
    assert figures["Anteil innerhalb von 7 Tagen beantwortet (%)"] == "50,0"
    assert figures["Median der Tage bis zur ersten Antwort"] == "3,0"
    assert figures["Abgelaufen, ohne besetzt zu sein"] == "2"
    html = response.content.decode()
    assert "Stadt: Bretten" in html
    assert '<svg role="img" aria-labelledby="applications-title applications-desc"' in html
    assert '<desc id="applications-desc">Juli 2025: 0;' in html
    assert "Mai 2026: 4; Juni 2026: 2</desc>" in html
    assert '<tr><th scope="row">Mai 2026</th><td>4</td></tr>' in html
    assert "Erika" not in html and "@example.org" not in html  # counts only, never who applied


def test_the_other_citys_editor_sees_nothing_of_bretten(
    client, bretten, ettlingen, bretten_figures, ettlingen_figures
):
    client.force_login(editor_of("Ettlingen"))
    for params in ({}, {"city": bretten.pk}, {"city": bretten.pk, "months": 24}):
        response = client.get(URL, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Bretten" not in html
        figures = summary(response)
        assert figures["Angebote online"] == "1"
        assert figures["Bewerbungen im Zeitraum"] == "3"
        assert figures["Anteil innerhalb von 7 Tagen beantwortet (%)"] == "33,3"
        assert figures["Abgelaufen, ohne besetzt zu sein"] == "0"
    exported = client.get(URL, {"city": bretten.pk, "export": "csv"})
    text = b"".join(exported.streaming_content).decode()
    assert "Bretten" not in text and "Ettlingen" in text


def test_administrators_choose_any_city_or_all(
    client, superuser, bretten, ettlingen, bretten_figures, ettlingen_figures
):
    client.force_login(superuser)
    everything = summary(client.get(URL))
    assert (everything["Angebote online"], everything["Bewerbungen im Zeitraum"]) == ("4", "10")
    only_bretten = summary(client.get(URL, {"city": bretten.pk}))
    assert (only_bretten["Angebote online"], only_bretten["Bewerbungen im Zeitraum"]) == ("3", "7")
    three_months = summary(client.get(URL, {"city": bretten.pk, "months": 3}))
    assert three_months["Bewerbungen im Zeitraum"] == "6"  # April to June: the March one drops out


def test_people_without_a_city_get_no_statistics(client, bretten):
    assert client.get(URL).status_code == 302  # to the login
    verein_member = UserFactory()
    client.force_login(verein_member)
    assert client.get(URL).status_code in (302, 403)


def test_menu_offers_statistics_to_editors(client, bretten):
    client.force_login(editor_of("Bretten"))
    assert "Statistik" in client.get("/admin/").content.decode()


def test_csv_and_xlsx_carry_the_same_numbers(client, bretten, ettlingen, bretten_figures):
    client.force_login(editor_of("Bretten"))
    response = client.get(URL, {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="statistik-bretten-2025-07-2026-06.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Stadt", "Bereich", "Kennzahl", "Wert"]
    assert ["Bretten", "Bewerbungen je Monat", "Mai 2026", "4"] in rows
    assert ["Bretten", "Angebote online nach Thema", "Soziales", "2"] in rows
    assert ["Bretten", "Zusammenfassung", "Median der Tage bis zur ersten Antwort", "3.0"] in rows

    response = client.get(URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert ("Bretten", "Bewerbungen je Monat", "Mai 2026", 4) in cells
    assert ("Bretten", "Zusammenfassung", "Abgelaufen, ohne besetzt zu sein", 2) in cells


def test_report_costs_the_same_queries_however_much_there_is(client, bretten, ettlingen):
    client.force_login(editor_of("Bretten"))
    client.get(URL)
    cache.clear()  # counted, not read from the cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    verein = organisation(bretten, "Großer Verein Bretten")
    for number in range(4):
        offer = make_opportunity(
            city=bretten,
            organisation=verein,
            title=f"Angebot {number}",
            categories=("soziales", "bildung"),
            schedule_kind=OpportunityPage.ScheduleKind.FLEXIBLE,
        )
        for month in (1, 2, 3, 4, 5):
            apply(offer, dt.date(2026, month, 3 + number), answer=(number, "accepted"))
        organisation(bretten, f"Verein {number}", dt.date(2025, 9 + number, 1))
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, {"months": 24}).status_code == 200
    assert len(many) == len(few)


def test_editor_changes_the_period_without_choosing_a_city(client, bretten, ettlingen, bretten_figures):
    client.force_login(editor_of("Bretten"))
    response = client.get(URL, {"months": 24})
    html = response.content.decode()
    assert "Zeitraum: Juli 2024 bis 15. Juni 2026" in html
    assert "Dieses Feld muss ausgefüllt werden" not in html
    assert summary(response)["Bewerbungen im Zeitraum"] == "8"  # now with the one of May 2025


def test_figures_are_kept_for_a_quarter_of_an_hour_and_say_when_they_were_counted(
    client, bretten, ettlingen, bretten_figures
):
    client.force_login(editor_of("Bretten"))
    first = client.get(URL)
    assert summary(first)["Bewerbungen im Zeitraum"] == "7"
    assert "Stand: 15. Juni 2026, 12:00 Uhr" in first.content.decode()
    apply(OpportunityPage.objects.get(title="Lesepaten Bretten"), dt.date(2026, 6, 14))
    with freeze_time("2026-06-15 10:14:00"):
        assert summary(client.get(URL))["Bewerbungen im Zeitraum"] == "7"
    with freeze_time("2026-06-15 10:16:00"):
        later = client.get(URL)
        assert summary(later)["Bewerbungen im Zeitraum"] == "8"
        assert "Stand: 15. Juni 2026, 12:16 Uhr" in later.content.decode()


def test_a_new_day_counts_a_new_period_at_once(client, bretten, bretten_figures):
    with freeze_time("2026-06-30 21:55:00"):  # 23:55 in Germany
        client.force_login(editor_of("Bretten"))
        assert '<desc id="applications-desc">Juli 2025: 0;' in client.get(URL).content.decode()
    with freeze_time("2026-06-30 22:05:00"):  # ten minutes later, the first of July
        html = client.get(URL).content.decode()
        assert '<desc id="applications-desc">August 2025: 0;' in html
        assert "Juli 2026: 0</desc>" in html


def test_an_editor_never_gets_figures_cached_for_another_city_or_for_all(
    client, superuser, bretten, ettlingen, bretten_figures, ettlingen_figures
):
    client.force_login(superuser)
    for params in ({}, {"city": bretten.pk}, {"city": ettlingen.pk}, {"city": bretten.pk, "months": 24}):
        client.get(URL, params)  # every selection now in the cache
    everything = summary(client.get(URL))
    assert (everything["Angebote online"], everything["Bewerbungen im Zeitraum"]) == ("4", "10")

    client.force_login(editor_of("Ettlingen"))
    for params in ({}, {"city": bretten.pk}, {"city": bretten.pk, "months": 24}, {"city": ""}):
        figures = summary(client.get(URL, params))
        assert (figures["Angebote online"], figures["Bewerbungen im Zeitraum"]) == ("1", "3"), params
    client.force_login(editor_of("Bretten"))
    figures = summary(client.get(URL, {"city": ettlingen.pk}))
    assert (figures["Angebote online"], figures["Bewerbungen im Zeitraum"]) == ("3", "7")
