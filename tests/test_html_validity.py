"""Every public page type and every Verein page, in German and English, is valid HTML by the W3C Nu
checker (npm `vnu-jar`, run with Java from Debian's `default-jre-headless`; `make test` installs both)."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from engagement.applications.models import AccessToken, Application
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
        organisation=verein_bretten, title="Vorlesen im Seniorenheim", hours_per_week=2.5
    )
    make_opportunity(
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
    )
    public = {
        "home": "/",
        "city": "/bretten/",
        "search-results": "/suche/?q=Vorlesen",
        "search-empty": "/suche/?q=Tiefseetauchen",
        "search-error": "/suche/?city=atlantis&radius=viel",
        "opportunity": reading.url,
        "apply-with-errors": f"/bewerben/{reading.pk}/",
        "organisation": verein_bretten.get_absolute_url(),
        "not-found": "/gibt-es-nicht/",
        "impressum": "/impressum/",
        "privacy": "/bretten/datenschutz/",
        "accessibility": "/bretten/barrierefreiheit/",
        "easy-language": "/leichte-sprache/",
        "application-privacy": "/datenschutz/bewerbungen/",
        "application-status": f"/bewerbung/{AccessToken.issue(application, AccessToken.Purpose.STATUS)}/",
        "report": f"/melden/{reading.pk}/",
        "login": "/mein-verein/anmelden/",
        "register": "/mein-verein/registrieren/",
        "password-reset": "/mein-verein/passwort/vergessen/",
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
        "new-need": f"/mein-verein/bedarfe/organisation/{verein_bretten.pk}/neu/",
        "edit-need": f"/mein-verein/bedarfe/{need.pk}/bearbeiten/",
        "loans": f"/mein-verein/bedarfe/{need.pk}/ausleihen/",
    }
    posted = {"apply-with-errors": {"email": "kaputt"}, "need-contact-with-errors": {"email": "kaputt"}}
    return public, verein, member, posted


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
