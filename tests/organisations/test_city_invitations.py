"""A city brings its Vereine in: its editors invite them, one by one or as a CSV list; each Verein takes
over a profile the city has already verified, and its first step is its first offer."""

import io
import re

import pytest
from django.core.cache import cache
from django.test import Client

from engagement.organisations.models import Invitation, Membership, Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/vereine-einladen/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten", first_name="Petra", last_name="Beispiel")
    user.groups.add(bretten.editor_group)
    return user


def csv_upload(text, encoding="utf-8"):
    upload = io.BytesIO(text.encode(encoding))
    upload.name = "vereine.csv"
    return upload


def link_in(mail):
    return re.search(r"http://testserver(/\S+)", mail.body).group(1)


def test_an_invited_verein_registers_accepts_and_starts_with_its_first_offer(
    client, editor, bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            {
                "mode": "single",
                "city": bretten.pk,
                "name": "Schachclub Bretten",
                "email": "Vorstand@Schach.example.org",
                "kind": "verein",
                "street": "Marktplatz 1",
                "postcode": "75015",
                "place": "Bretten",
            },
        )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Schachclub Bretten")
    assert organisation.is_verified and organisation.verified_by == editor
    assert organisation.home_city == bretten and organisation.email == "vorstand@schach.example.org"
    [mail] = mailoutbox
    assert mail.to == ["vorstand@schach.example.org"]
    assert "Die Stadt Bretten lädt Schachclub Bretten ein" in mail.subject

    verein = Client()
    accept_url = link_in(mail)
    page = verein.get(accept_url).content.decode()
    assert "Konto anlegen" in page and "schon angelegt und geprüft" in page
    register_url = re.search(r'href="(/mein-verein/registrieren/\?einladung=[^"]+)"', page).group(1)
    register_url = register_url.replace("&amp;", "&")
    assert 'value="vorstand@schach.example.org"' in verein.get(register_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        verein.post(
            register_url,
            {
                "first_name": "Kim",
                "last_name": "Lang",
                "email": "vorstand@schach.example.org",
                "password": "Schachmatt-2026",
            },
        )
    response = verein.get(link_in(mailoutbox[-1]))
    assert response["Location"] == accept_url  # confirmed and logged in: back to the invitation
    response = verein.post(accept_url)
    assert response["Location"] == f"/mein-verein/organisation/{organisation.pk}/neu/"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user.email == "vorstand@schach.example.org" and membership.role == "owner"
    form = verein.get(response["Location"]).content.decode()
    assert "Beschreiben Sie jetzt Ihr erstes Angebot." in form
    assert 'value="Marktplatz 1"' in form

    html = client.get(URL).content.decode()
    assert "1 von 1 hat angenommen." in html and "Angenommen am" in html
    assert "1 von 1 eingeladenen Vereinen hat angenommen." in client.get("/admin/").content.decode()


def test_a_list_invites_every_verein_once(
    client, editor, bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    listing = (
        "Name;E-Mail;Art;Straße;PLZ;Ort;Telefon\n"
        "Musikverein Bretten;musik@example.org;Verein;Weg 1;75015;Bretten;07252 1\n"
        "Tafel Gondelsheim;tafel@example.org;Soziale Einrichtung;;75053;Gondelsheim;\n"
        "\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {"mode": "list", "city": bretten.pk, "list_file": csv_upload(listing, "cp1252")}
        )
    assert response.status_code == 302
    assert set(Organisation.objects.values_list("name", "kind")) == {
        ("Musikverein Bretten", "verein"),
        ("Tafel Gondelsheim", "social_institution"),
    }
    assert sorted(mail.to[0] for mail in mailoutbox) == ["musik@example.org", "tafel@example.org"]
    assert set(Invitation.objects.values_list("role", "sent_by_city")) == {("owner", True)}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL, {"mode": "list", "city": bretten.pk, "list_file": csv_upload(listing)}, follow=True
        )
    html = response.content.decode()
    assert "Schon eingeladen, nicht noch einmal: musik@example.org, tafel@example.org" in html
    assert Organisation.objects.count() == 2 and len(mailoutbox) == 2


def test_a_list_with_errors_invites_nobody_and_names_the_lines(client, editor, bretten, mailoutbox):
    client.force_login(editor)
    listing = (
        "Name,E-Mail,PLZ\n"
        "Gut e. V.,gut@example.org,75015\n"
        ",ohne-name@example.org,75015\n"
        "Kaputt,keine-adresse,7501\n"
    )
    response = client.post(URL, {"mode": "list", "city": bretten.pk, "list_file": csv_upload(listing)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Niemand wurde eingeladen" in html
    assert "Zeile 3, Name des Vereins: Dieses Feld muss ausgefüllt werden." in html
    assert "Zeile 4, E-Mail-Adresse der verantwortlichen Person: Bitte geben Sie" in html
    assert "Zeile 4, Postleitzahl: Eine Postleitzahl hat fünf Ziffern." in html
    assert not Organisation.objects.exists() and mailoutbox == []

    response = client.post(
        URL, {"mode": "list", "city": bretten.pk, "list_file": csv_upload("Verein;Telefon\nA;1\n")}
    )
    assert "braucht die Spalten „Name“ und „E-Mail“" in response.content.decode()


def test_a_forwarded_city_invitation_makes_nobody_else_the_owner(
    client, editor, bretten, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            URL,
            {"mode": "single", "city": bretten.pk, "name": "Chor", "email": "c@x.example", "kind": "verein"},
        )
    stranger = Client()
    stranger.force_login(UserFactory(email="fremd@example.org"))
    response = stranger.post(link_in(mailoutbox[0]))
    assert response.status_code == 403
    assert not Membership.objects.filter(organisation__name="Chor").exists()
