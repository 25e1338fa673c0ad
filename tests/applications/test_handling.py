"""The organisation handles applications: list, filters, detail, status changes, CSV, capacity, .ics."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from openpyxl import load_workbook

from engagement.applications import services
from engagement.applications.models import Application, StatusChange
from engagement.applications.services.capacity import set_recruitment_status
from engagement.opportunities.models import OpportunityPage
from tests.applications.conftest import apply, committed, opened_by_link_in, post
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


def test_the_organisation_is_notified_with_a_link_but_no_personal_data(
    client, member, page, mailoutbox, confirmed
):
    application, _ = confirmed(phone="0151 000000")
    notification = next(mail for mail in mailoutbox if mail.to == ["verein-bretten@example.org"])
    assert notification.subject == "Neue Bewerbung: Lesepat:in"
    for personal in ("Mia", "Kraus", "mia@example.org", "0151", "Ich lese"):
        assert personal not in notification.body
        assert personal not in notification.alternatives[0][0]
    assert f"http://testserver/mein-verein/bewerbungen/{application.pk}/" in notification.body


def test_every_member_of_the_organisation_is_notified_once(
    client, member, verein_bretten, mailoutbox, confirmed
):
    MembershipFactory(organisation=verein_bretten, user=UserFactory(username="kassenwart"), role="member")
    confirmed()
    notified = sorted(mail.to[0] for mail in mailoutbox if mail.subject.startswith("Neue Bewerbung"))
    assert notified == ["kassenwart@example.org", "verein-bretten@example.org"]


def test_accepting_logs_who_and_when_and_mails_the_applicant_in_german(
    client, member, page, mailoutbox, confirmed
):
    application, status_link = confirmed()
    client.force_login(member)
    response = post(
        client,
        f"/mein-verein/bewerbungen/{application.pk}/",
        {"status": "accepted", "message": "Willkommen!"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    change = application.changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("requested", "accepted", member)
    assert change.changed_at is not None and change.message == "Willkommen!"
    acceptance = mailoutbox[-1]
    assert acceptance.to == ["mia@example.org"] and acceptance.subject == "Zusage: Lesepat:in"
    assert "Willkommen!" in acceptance.body and opened_by_link_in(acceptance) == application
    assert not acceptance.attachments  # a regular opportunity has no single date
    html = client.get(f"/mein-verein/bewerbungen/{application.pk}/").content.decode()
    assert "Eingegangen → Zugesagt" in html


def test_declining_mails_a_friendly_refusal(client, member, page, mailoutbox, confirmed):
    application, _ = confirmed()
    client.force_login(member)
    post(client, f"/mein-verein/bewerbungen/{application.pk}/", {"status": "declined"})
    assert mailoutbox[-1].subject == "Absage: Lesepat:in"
    assert "Leider klappt es dieses Mal nicht." in mailoutbox[-1].body
    application.refresh_from_db()
    assert application.status == "declined" and application.closed_at is not None


def test_the_transition_map_refuses_everything_not_listed(client, member, page, confirmed):
    application, status_link = confirmed()
    with pytest.raises(Exception, match="nicht möglich"):
        services.change_status(application, "withdrawn", by=member)  # only the applicant withdraws
    with pytest.raises(Exception, match="nicht möglich"):
        services.change_status(application, "requested", by=member)
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    with pytest.raises(Exception, match="nicht möglich"):
        services.change_status(application, "accepted", by=member)  # withdrawn is final
    client.force_login(member)
    response = client.post(f"/mein-verein/bewerbungen/{application.pk}/", {"status": "gibtsnicht"})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.changes.count() == 1


def test_the_applicant_withdraws_and_the_organisation_gets_a_link(
    client, member, page, mailoutbox, confirmed
):
    application, status_link = confirmed()
    response = post(client, status_link, {"action": "withdraw", "confirm": "yes"}, follow=True)
    assert "Ihre Bewerbung ist zurückgezogen." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.changes.get().changed_by is None
    own = mailoutbox[-2] if mailoutbox[-2].to == ["mia@example.org"] else mailoutbox[-1]
    assert own.subject == "Zurückgezogen: Lesepat:in"
    organisation_mail = next(
        mail for mail in mailoutbox if mail.subject.startswith("Bewerbung zurückgezogen")
    )
    assert "Mia" not in organisation_mail.body
    assert "Bewerbung zurückziehen" not in client.get(status_link).content.decode()


def test_list_filters_by_status_and_own_opportunity(client, member, verein_bretten, page, confirmed):
    other = make_opportunity(organisation=verein_bretten, title="Kleiderkammer", slug="kleiderkammer")
    first, _ = confirmed()
    confirmed(other, email="tom@example.org", name="Tom Berg")
    client.force_login(member)
    services.change_status(first, "accepted", by=member)
    everything = client.get("/mein-verein/bewerbungen/").content.decode()
    assert "Mia Kraus" in everything and "Tom Berg" in everything
    by_page = client.get("/mein-verein/bewerbungen/", {"opportunity": other.pk}).content.decode()
    assert "Tom Berg" in by_page and "Mia Kraus" not in by_page
    accepted = client.get("/mein-verein/bewerbungen/", {"status": "accepted"}).content.decode()
    assert "Mia Kraus" in accepted and "Tom Berg" not in accepted
    nonsense = client.get("/mein-verein/bewerbungen/", {"opportunity": "abc", "status": "x"})
    assert nonsense.status_code == 200 and "Dieses Angebot gibt es nicht." in nonsense.content.decode()


def test_another_organisations_opportunity_is_no_filter_choice(client, member, ettlingen):
    foreign = make_opportunity(city=ettlingen, title="Fremdes Angebot")
    client.force_login(member)
    html = client.get("/mein-verein/bewerbungen/").content.decode()
    assert "Fremdes Angebot" not in html
    assert (
        "Dieses Angebot gibt es nicht."
        in client.get("/mein-verein/bewerbungen/", {"opportunity": foreign.pk}).content.decode()
    )


def test_csv_export_of_own_applicants_follows_the_filter_and_defuses_formulas(
    client, member, verein_bretten, page, confirmed
):
    other = make_opportunity(organisation=verein_bretten, title="Kleiderkammer", slug="kleiderkammer")
    confirmed(message='=HYPERLINK("http://evil.example")')
    confirmed(other, email="tom@example.org", name="Tom Berg")
    client.force_login(member)
    response = client.get("/mein-verein/bewerbungen/", {"format": "csv", "opportunity": page.pk})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content.decode("utf-8-sig")
    assert "Lesepat:in;Mia Kraus;mia@example.org" in content
    assert "Tom Berg" not in content
    assert "'=HYPERLINK" in content and ";=HYPERLINK" not in content and ';"=HYPERLINK' not in content
    assert response["Content-Disposition"] == 'attachment; filename="bewerbungen.csv"'
    assert content.splitlines()[0] == "Angebot;Name;E-Mail;Telefon;Zeit;Nachricht;Status;Eingegangen"


def test_xlsx_export_carries_the_same_rows_and_stores_formulas_as_text(
    client, member, verein_bretten, page, confirmed
):
    other = make_opportunity(organisation=verein_bretten, title="Kleiderkammer", slug="kleiderkammer")
    confirmed(message='=HYPERLINK("http://evil.example")')
    confirmed(other, email="tom@example.org", name="Tom Berg")
    client.force_login(member)
    listing = client.get("/mein-verein/bewerbungen/", {"opportunity": page.pk}).content.decode()
    assert f"?opportunity={page.pk}&amp;format=xlsx" in listing

    response = client.get("/mein-verein/bewerbungen/", {"format": "xlsx", "opportunity": page.pk})

    assert response["Content-Disposition"] == 'attachment; filename="bewerbungen.xlsx"'
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == ("Angebot", "Name", "E-Mail", "Telefon", "Zeit", "Nachricht", "Status", "Eingegangen")
    assert [row[:3] for row in rows[1:]] == [("Lesepat:in", "Mia Kraus", "mia@example.org")]
    assert rows[1][5] == '=HYPERLINK("http://evil.example")'
    assert sheet.cell(row=2, column=6).data_type == "s", "stored as text, never as a formula"


def test_capacity_reached_fills_the_opportunity_and_a_withdrawal_opens_it(client, member, page, confirmed):
    application, status_link = confirmed()
    services.change_status(application, "accepted", by=member)
    page.refresh_from_db()
    assert page.recruitment_status == "filled"
    assert page.latest_revision.content["recruitment_status"] == "filled"  # a later publish keeps it
    assert 'action="/bewerben/' not in client.get(page.url).content.decode()
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    page.refresh_from_db()
    assert page.recruitment_status == "open"
    assert f'action="/bewerben/{page.pk}/"' in client.get(page.url).content.decode()


def test_the_organisation_reopens_a_filled_opportunity_and_it_stays_open(
    client, member, verein_bretten, page, confirmed
):
    application, _ = confirmed()
    services.change_status(application, "accepted", by=member)
    client.force_login(member)
    listing = client.get("/mein-verein/bewerbungen/", {"opportunity": page.pk}).content.decode()
    assert "Alle Plätze sind vergeben." in listing
    response = client.post(f"/mein-verein/bewerbungen/angebot/{page.pk}/wieder-oeffnen/", follow=True)
    assert "Das Angebot nimmt wieder Bewerbungen an." in response.content.decode()
    page.refresh_from_db()
    assert page.recruitment_status == "open"
    client.logout()
    second, _ = confirmed(email="tom@example.org", name="Tom Berg")
    services.change_status(second, "accepted", by=member)  # beyond capacity on purpose: stays open
    page.refresh_from_db()
    assert page.recruitment_status == "open"


def test_nobody_else_may_reopen(client, page, ettlingen):
    from engagement.opportunities.lifecycle import set_recruitment_status

    set_recruitment_status(page, "filled")
    client.force_login(MembershipFactory(organisation__home_city=ettlingen).user)
    assert client.post(f"/mein-verein/bewerbungen/angebot/{page.pk}/wieder-oeffnen/").status_code == 404
    client.logout()
    assert client.post(f"/mein-verein/bewerbungen/angebot/{page.pk}/wieder-oeffnen/").status_code == 302
    page.refresh_from_db()
    assert page.recruitment_status == "filled"


def test_one_off_acceptance_carries_an_ics_calendar_entry(
    client, member, verein_bretten, mailoutbox, confirmed
):
    page = make_opportunity(
        organisation=verein_bretten,
        title="Stadtfest, Aufbau; Abbau",
        slug="stadtfest",
        schedule_kind="one_off",
        event_start=in_days(10, hour=14),
        event_end=in_days(10, hour=18),
    )
    application, _ = confirmed(page)
    committed(services.change_status, application, "accepted", by=member)
    [(filename, content, mimetype)] = mailoutbox[-1].attachments
    assert filename == "termin.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content and "SUMMARY:Stadtfest\\, Aufbau\\; Abbau" in content
    start = in_days(10, hour=14).astimezone(dt.UTC)
    local = start.astimezone(timezone.get_default_timezone())
    assert f"DTSTART;TZID=Europe/Berlin:{local:%Y%m%dT%H%M%S}" in content  # local time, with its zone
    assert all(len(line.encode()) <= 75 for line in content.split("\r\n"))
    assert "Den Termin finden Sie im Anhang" in mailoutbox[-1].body


def test_unconfirmed_applications_cannot_change_status(page, member, client):
    apply(client, page)
    application = Application.objects.get()
    with pytest.raises(Exception, match="noch nicht bestätigt"):
        services.change_status(application, "accepted", by=member)


# --- the services themselves refuse outsiders, whoever calls them (not only the web views) ---------


@pytest.fixture
def outsiders(ettlingen):
    other_verein = OrganisationFactory(name="Kanuclub Ettlingen", home_city=ettlingen)
    return {
        "member of another organisation": MembershipFactory(organisation=other_verein).user,
        "account without a membership": UserFactory(),
        "superuser who is no member": UserFactory(is_superuser=True, is_staff=True),
    }


def test_the_status_service_refuses_everyone_but_the_organisations_members(
    page, confirmed, outsiders, mailoutbox
):
    application, _ = confirmed()
    mails_before = len(mailoutbox)
    for who, outsider in outsiders.items():
        with pytest.raises(PermissionDenied):
            services.change_status(application, Application.Status.ACCEPTED, by=outsider)
        application.refresh_from_db()
        assert application.status == Application.Status.REQUESTED, who
    assert not StatusChange.objects.exists()
    assert len(mailoutbox) == mails_before


def test_the_reopen_service_refuses_everyone_but_the_organisations_members(page, outsiders):
    set_recruitment_status(page, OpportunityPage.RecruitmentStatus.FILLED)
    for who, outsider in outsiders.items():
        with pytest.raises(PermissionDenied):
            services.reopen(page, by=outsider)
        page.refresh_from_db()
        assert page.recruitment_status == OpportunityPage.RecruitmentStatus.FILLED, who


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(client, page, confirmed, mailoutbox):
    application, status_link = confirmed()
    mailoutbox.clear()
    question = post(client, status_link, {"action": "withdraw"})
    assert question.status_code == 200
    html = question.content.decode()
    assert "Bewerbung zurückziehen?" in html and "Ja, zurückziehen" in html
    assert 'name="action" value="withdraw"' in html and 'name="confirm" value="yes"' in html
    application.refresh_from_db()
    assert application.status == "requested" and not mailoutbox
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    application.refresh_from_db()
    assert application.status == "withdrawn"
