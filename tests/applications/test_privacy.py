"""Applicants' data: only the organisation applied to sees it; the applicant exports and erases it."""

import ast
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from freezegun import freeze_time

from engagement.applications import services
from engagement.applications.models import Application, StatusChange
from engagement.applications.tasks import apply_retention
from engagement.mail.models import OutgoingMail
from tests.applications.conftest import apply, committed, post
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, in_days, make_opportunity

pytestmark = pytest.mark.django_db


def test_status_link_shows_state_and_consent(client, page, confirmed):
    application, status_link = confirmed()
    assert re.fullmatch(r"/bewerbung/[\w-]{43}/", status_link)
    html = client.get(status_link).content.decode()
    assert "Eingegangen" in html and "Tafel Bretten e. V." in html
    assert f"(Fassung {application.consent_version})" in html and "bestätigt am" in html
    assert client.get("/bewerbung/falsches-token/").status_code == 404


def test_art_15_export_holds_everything_stored(client, member, page, confirmed):
    application, status_link = confirmed(phone="07252 1", availability="abends")
    committed(services.change_status, application, "accepted", by=member, message="Bis bald")
    response = client.post(status_link, {"action": "export"})
    assert response["Content-Disposition"] == 'attachment; filename="meine-bewerbung.json"'
    export = json.loads(response.content)
    assert export["name"] == "Mia Kraus" and export["email"] == "mia@example.org"
    assert export["telefon"] == "07252 1" and export["zeit"] == "abends"
    assert export["nachricht"] == "Ich lese gern vor." and export["status"] == "Zugesagt"
    assert export["angebot"] == "Lesepat:in" and export["organisation"] == "Tafel Bretten e. V."
    consent = export["einwilligung"]
    assert consent["version"] == application.consent_version
    assert consent["text"].startswith("Ich bin einverstanden")
    assert consent["erteilt"] and consent["bestaetigt"]
    assert export["verlauf"] == [
        {"von": "Eingegangen", "nach": "Zugesagt", "am": export["verlauf"][0]["am"], "nachricht": "Bis bald"}
    ]
    assert [mail["betreff"] for mail in export["emails"]] == [
        "Bitte bestätigen Sie Ihre Bewerbung",
        "Ihre Bewerbung: Lesepat:in",
        "Zusage: Lesepat:in",
    ]


def test_art_17_erasure_asks_once_then_deletes_application_history_and_mails(client, member, page, confirmed):
    application, status_link = confirmed()
    committed(services.change_status, application, "accepted", by=member)
    question = client.post(status_link, {"action": "erase"})
    assert "Das lässt sich nicht rückgängig machen." in question.content.decode()
    assert Application.objects.exists()
    done = post(client, status_link, {"action": "erase", "confirm": "yes"})
    assert "Ihre Daten sind gelöscht" in done.content.decode()
    assert not Application.objects.exists()
    assert not StatusChange.objects.exists()
    assert not OutgoingMail.objects.filter(to="mia@example.org").exists()
    assert client.get(status_link).status_code == 404
    page.refresh_from_db()
    assert page.recruitment_status == "open"  # the freed place is free again


PERSONAS = ["other_verein", "city_editor", "anonymous", "superuser", "member_elsewhere_same_city"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_but_the_organisations_members_reads_or_changes_an_application(
    client, page, persona, ettlingen, bretten, superuser, confirmed
):
    application, _ = confirmed()
    if persona == "other_verein":
        client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=ettlingen)).user)
    elif persona == "member_elsewhere_same_city":
        client.force_login(MembershipFactory(organisation=OrganisationFactory(home_city=bretten)).user)
    elif persona == "city_editor":
        editor = UserFactory()
        editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
        client.force_login(editor)
    elif persona == "superuser":
        client.force_login(superuser)
    detail = client.get(f"/mein-verein/bewerbungen/{application.pk}/")
    listing = client.get("/mein-verein/bewerbungen/")
    csv_export = client.get("/mein-verein/bewerbungen/", {"format": "csv"})
    change = client.post(f"/mein-verein/bewerbungen/{application.pk}/", {"status": "accepted"})
    if persona == "anonymous":
        for response in (detail, listing, csv_export, change):
            assert response.status_code == 302 and response["Location"].startswith("/mein-verein/anmelden/")
    else:
        assert detail.status_code == 404 and change.status_code == 404
        assert listing.status_code == 200 and csv_export.status_code == 200
    for response in (detail, listing, csv_export, change):
        assert "Mia" not in response.content.decode("utf-8-sig")
    application.refresh_from_db()
    assert application.status == "requested" and not application.changes.exists()
    assert not Application.objects.visible_to(detail.wsgi_request.user).exists()


def test_members_of_the_organisation_read_detail_and_list(client, member, page, confirmed):
    application, _ = confirmed(phone="07252 1")
    client.force_login(member)
    detail = client.get(f"/mein-verein/bewerbungen/{application.pk}/").content.decode()
    assert "Bewerbung von Mia Kraus" in detail and "mia@example.org" in detail and "07252 1" in detail
    assert "Mia Kraus" in client.get("/mein-verein/bewerbungen/").content.decode()


def test_city_editors_see_counts_not_names(client, page, bretten, confirmed):
    confirmed()
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "<dd>1 / 0</dd>" in html
    assert "Mia" not in html and "mia@example.org" not in html


def test_search_and_public_api_never_import_applications():
    """Dependencies run one way: nothing public-facing can leak applicants' data by accident."""
    for package in ("search", "api", "opportunities", "cities", "home"):
        folder = Path(settings.BASE_DIR) / "engagement" / package
        if not folder.exists():
            folder = Path(settings.BASE_DIR) / package
        for source in folder.rglob("*.py"):
            tree = ast.parse(source.read_text())
            for node in ast.walk(tree):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                assert not any("applications" in name for name in names), source


def test_retention_deletes_unconfirmed_after_seven_days(client, page):
    apply(client, page)
    with freeze_time(timezone.now() + dt.timedelta(days=6)):
        assert apply_retention()["unconfirmed"] == 0
    with freeze_time(timezone.now() + dt.timedelta(days=8)):
        assert apply_retention()["unconfirmed"] == 1
    assert not Application.objects.exists() and not OutgoingMail.objects.exists()


def test_retention_deletes_closed_applications_after_the_configured_period(
    client, member, page, confirmed, settings, caplog
):
    application, status_link = confirmed()
    post(client, status_link, {"action": "withdraw", "confirm": "yes"})
    with freeze_time(timezone.now() + dt.timedelta(days=89)):
        assert apply_retention()["closed"] == 0
    later = freeze_time(timezone.now() + dt.timedelta(days=91))
    with later, caplog.at_level("INFO", logger="engagement.applications.tasks"):
        assert apply_retention()["closed"] == 1
    assert not Application.objects.exists()
    assert "Mia" not in caplog.text and "mia@example.org" not in caplog.text and "closed" in caplog.text


def test_retention_period_is_configurable(client, member, page, confirmed, settings):
    application, _ = confirmed()
    committed(services.change_status, application, "declined", by=member)
    settings.APPLICATION_RETENTION_DAYS = 10
    with freeze_time(timezone.now() + dt.timedelta(days=11)):
        assert apply_retention()["closed"] == 1


def test_retention_deletes_accepted_applications_after_the_opportunity_ended(
    client, member, verein_bretten, confirmed
):
    one_off = make_opportunity(
        organisation=verein_bretten,
        slug="fest",
        title="Fest",
        schedule_kind="one_off",
        event_start=in_days(3, hour=10),
        event_end=in_days(3, hour=12),
    )
    application, _ = confirmed(one_off)
    committed(services.change_status, application, "accepted", by=member)
    with freeze_time(timezone.now() + dt.timedelta(days=80)):
        assert apply_retention()["ended"] == 0
    with freeze_time(timezone.now() + dt.timedelta(days=95)):
        assert apply_retention()["ended"] == 1
    assert not Application.objects.exists()


def test_retention_keeps_open_applications_of_running_opportunities(client, page, confirmed):
    confirmed()
    with freeze_time(timezone.now() + dt.timedelta(days=400)):
        counts = apply_retention()
    assert counts["closed"] == counts["ended"] == counts["unconfirmed"] == 0
    assert Application.objects.count() == 1
