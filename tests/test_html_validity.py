"""Every public page type and every Verein page, in German and English, is valid HTML by the W3C Nu
checker (npm `vnu-jar`, run with Java from Debian's `default-jre-headless`; `make test` installs both)."""

import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from engagement.applications.models import AccessToken, Application
from engagement.hours import services as hours_services
from engagement.hours.models import RecognitionThreshold
from engagement.organisations.models import Organisation
from engagement.shifts.models import Shift, ShiftBooking
from tests.factories import MembershipFactory, UserFactory, in_days, make_need, make_opportunity

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))


@pytest.fixture
def pages(verein_bretten, ettlingen):
    member = MembershipFactory(
        organisation=verein_bretten, user=UserFactory(username="verein-bretten"), role="owner"
    ).user
    reading = make_opportunity(
        organisation=verein_bretten,
        title="Vorlesen im Seniorenheim",
        hours_per_week=2.5,
        step_free_access=True,
        quiet_place=True,
        accessibility_note="Klingel am Seiteneingang.",
        minors_welcome=True,
        minimum_age=14,
        minors_supervised=True,
    )
    festival = make_opportunity(
        organisation=verein_bretten,
        title="Lebensmittel ausgeben beim Sommerfest",
        schedule_kind="one_off",
        rhythm="",
        event_start=in_days(20, hour=14),
        event_end=in_days(20, hour=18),
    )
    need = make_need(verein_bretten)
    application = Application.objects.create(
        opportunity=reading,
        name="Mia Kraus",
        email="mia@example.org",
        message="Ich lese gern vor.",
        consent_version="1",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
        status=Application.Status.ACCEPTED,
        reply_due_at=timezone.now() + dt.timedelta(days=7),  # the dashboard asks for an answer
    )
    shift = Shift.objects.create(
        opportunity=festival,
        role="Aufbau",
        starts_at=in_days(20, hour=8),
        ends_at=in_days(20, hour=11),
        capacity=6,
    )
    helper = Application.objects.create(
        opportunity=festival,
        name="Jo Helfer",
        email="jo@example.org",
        message="",
        consent_version="1",
        consent_given_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    ShiftBooking.objects.create(shift=shift, application=helper, party_size=2)
    past_shift = Shift.objects.create(
        opportunity=festival,
        role="Probe",
        starts_at=timezone.now() - dt.timedelta(days=1),
        ends_at=timezone.now() - dt.timedelta(days=1) + dt.timedelta(hours=3),
        capacity=6,
    )
    ShiftBooking.objects.create(shift=past_shift, application=helper, party_size=2)
    # Not booked by the helper: their status page offers it ("Weitere Schichten").
    Shift.objects.create(
        opportunity=festival,
        role="Kasse",
        starts_at=in_days(20, hour=12),
        ends_at=in_days(20, hour=14),
        capacity=2,
    )
    entry, *_ = hours_services.record_attendance(
        verein_bretten, [(application, timezone.localdate(), 2, True, "Vorlesen")], confirmed_by=member
    )
    RecognitionThreshold.objects.create(city=verein_bretten.home_city, name="Ehrenamtskarte", hours=10)
    certificate = hours_services.issue_certificate(
        application, by=member, signer_name="Petra Vorstand", signer_role="", tasks="Vorlesen"
    )
    status_token = AccessToken.issue(application, AccessToken.Purpose.STATUS)
    # The profile shows how quickly the Verein usually answers.
    Organisation.objects.filter(pk=verein_bretten.pk).update(reply_median_hours=30, reply_sample_size=6)
    minor = Application.objects.create(
        opportunity=reading,
        name="Lea Jung",
        email="lea@example.org",
        message="Ich lese gern vor.",
        consent_version="1",
        consent_given_at=timezone.now(),
        applicant_confirmed_at=timezone.now(),
        is_minor=True,
        guardian_email="eltern@example.org",
        guardian_asked_at=timezone.now(),
    )
    public = {
        "home": "/",
        "opportunity-with-shifts": festival.url,
        "shift-signup-with-errors": f"/schichten/{festival.pk}/anmelden/",
        "shift-status": f"/bewerbung/{AccessToken.issue(helper, AccessToken.Purpose.STATUS)}/",
        "city": "/bretten/",
        "search-results": "/suche/?q=Vorlesen",
        "search-empty": "/suche/?q=Tiefseetauchen",
        "search-error": "/suche/?city=atlantis&radius=viel",
        "search-inclusion": "/suche/?inclusion=step_free&inclusion=quiet_place&youth=14",
        "opportunity": reading.url,
        "apply-with-errors": f"/bewerben/{reading.pk}/",
        "apply-minor-with-errors": f"/bewerben/{reading.pk}/",
        "organisation": verein_bretten.get_absolute_url(),
        "not-found": "/gibt-es-nicht/",
        "impressum": "/impressum/",
        "privacy": "/bretten/datenschutz/",
        "accessibility": "/bretten/barrierefreiheit/",
        "easy-language": "/leichte-sprache/",
        "finder-start": "/finder/",
        "finder-question": "/finder/frage/3/?category=soziales&days=weekends",
        "finder-question-easy": "/finder/frage/5/?leicht=1",
        "finder-question-error": "/finder/frage/4/?near=75015&radius=500&weiter=1",
        "finder-results": "/finder/ergebnis/?category=soziales&schedule=regular&near=75015",
        "finder-results-error": "/finder/ergebnis/?category=raumfahrt&with=hund",
        "application-privacy": "/datenschutz/bewerbungen/",
        "application-status": f"/bewerbung/{status_token}/",
        "hours-record": f"/bewerbung/{status_token}/stunden/",
        "certificate-verify": f"/nachweis/{certificate.display_code}/",
        "certificate-unknown": "/nachweis/AAAAA-BBBBB/",
        "report": f"/melden/{reading.pk}/",
        "guardian-confirm": guardian_path(minor),
        "guardian-with-errors": guardian_path(minor),
        "login": "/mein-verein/anmelden/",
        "register": "/mein-verein/registrieren/",
        "password-reset": "/mein-verein/passwort/vergessen/",
        "widget": f"/widget/?organisation={verein_bretten.slug}",
        "widget-error": "/widget/?size=0",
        "needs-search": "/suche/bedarfe/?q=Beamer",
        "needs-search-error": "/suche/bedarfe/?kind=nichts",
        "need": need.url,
        "need-contact-with-errors": f"/bedarfe/{need.pk}/kontakt/",
    }
    verein = {
        "overview": "/mein-verein/",
        "new-opportunity": f"/mein-verein/organisation/{verein_bretten.pk}/neu/",
        "edit-opportunity": f"/mein-verein/angebote/{reading.pk}/bearbeiten/",
        "applications": "/mein-verein/bewerbungen/",
        "application": f"/mein-verein/bewerbungen/{application.pk}/",
        "members": f"/mein-verein/organisation/{verein_bretten.pk}/mitglieder/",
        "found-organisation": "/mein-verein/organisation/anlegen/",
        "join-organisation": "/mein-verein/organisation/beitreten/",
        "two-factor": "/mein-verein/zwei-faktor/",
        "shifts": f"/mein-verein/angebote/{festival.pk}/schichten/",
        "shift-edit": f"/mein-verein/schichten/{shift.pk}/bearbeiten/",
        "shift-roster": f"/mein-verein/schichten/{shift.pk}/",
        "shift-roster-print": f"/mein-verein/schichten/{shift.pk}/?druck=1",
        "shift-roster-attendance": f"/mein-verein/schichten/{past_shift.pk}/",
        "shift-attendance-with-errors": f"/mein-verein/schichten/{past_shift.pk}/anwesenheit/",
        "attendance": f"/mein-verein/stunden/angebot/{reading.pk}/",
        "correct-hours": f"/mein-verein/stunden/eintrag/{entry.pk}/",
        "certificates": "/mein-verein/stunden/nachweise/",
        "issue-certificate": f"/mein-verein/stunden/nachweise/ausstellen/{application.pk}/",
        "attendance-with-errors": f"/mein-verein/stunden/angebot/{reading.pk}/",
        "widget-code": f"/mein-verein/organisation/{verein_bretten.pk}/widget/",
        "new-need": f"/mein-verein/bedarfe/organisation/{verein_bretten.pk}/neu/",
        "edit-need": f"/mein-verein/bedarfe/{need.pk}/bearbeiten/",
        "loans": f"/mein-verein/bedarfe/{need.pk}/ausleihen/",
    }
    posted = {
        "apply-with-errors": {"email": "kaputt"},
        "shift-signup-with-errors": {"email": "kaputt", "party_size": "0", "shifts": [shift.pk]},
        "attendance-with-errors": {"period": "month", "month": "kaputt", "hours": "viel"},
        "apply-minor-with-errors": {"is_minor": "on", "guardian_email": "kaputt"},
        "guardian-with-errors": {"action": "confirm"},
        "need-contact-with-errors": {"email": "kaputt"},
        "shift-attendance-with-errors": {"hours": "viel"},
    }
    return public, verein, member, posted


def guardian_path(application):
    return f"/bewerbung/eltern/{AccessToken.issue(application, AccessToken.Purpose.GUARDIAN)}/"


def render_all(tmp_path, urls, client, posted, language):
    files = {}
    for name, path in urls.items():
        url = path if language == "de" else f"/en{path}"
        response = client.post(url, posted[name]) if name in posted else client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        file = tmp_path / f"{language}-{name}.html"
        file.write_bytes(response.content)
        files[str(file)] = url
    return files


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_public_and_verein_page_is_valid_html(tmp_path, pages, language):
    assert VNU_JAR.exists(), "vnu.jar fehlt: `make install` führt npm ci aus (package.json: vnu-jar)."
    public, verein, member, posted = pages
    files = render_all(tmp_path, public, Client(), posted, language)
    signed_in = Client()
    signed_in.force_login(member)
    files |= render_all(tmp_path, verein, signed_in, posted, language)

    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files[re.sub('^file:', '', m['url'])]}:{m.get('lastLine')}: {m['message']} [{m.get('extract')}]"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == [], "\n".join(errors)
