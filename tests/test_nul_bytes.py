"""A NUL byte in an address, a query string or a form answers 400 before any view runs: PostgreSQL
refuses NUL in text, and every view that passed one on answered 500 (`GET /bewerbung/%00/`)."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

MESSAGE = "Die Anfrage enthält ein Nullzeichen und kann nicht bearbeitet werden."


@pytest.mark.parametrize(
    "url",
    [
        "/bewerbung/%00/",
        "/bewerbung/bestaetigen/ab%00cd/",
        "/mein-verein/registrieren/bestaetigen/%00/",
        "/organisationen/%00/",
        "/bretten/%00/",
        "/suche/?q=%00",
        "/suche/?city=bretten%00",
        "/suche/vorschlaege/?q=Lesen%00",
        "/?next=%00",
        "/%00=1",
    ],
)
def test_nul_in_the_address_answers_400(client, bretten, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert MESSAGE in response.content.decode()


def test_the_refusal_speaks_the_language_of_the_address(client):
    response = client.get("/en/bewerbung/%00/")
    assert response.status_code == 400
    assert response.content.decode() == "The request contains a null character and cannot be processed."


def test_nul_in_the_api_answers_400_as_json(client):
    for url in ("/api/v2/opportunities/%00/", "/api/v2/opportunities/?q=%00"):
        response = client.get(url)
        assert response.status_code == 400 and response.json() == {"errors": {"request": [MESSAGE]}}, url


def test_nul_in_a_form_answers_400_and_changes_nothing(client, verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    forms = [
        ("/mein-verein/anmelden/", {"username": "root\x00", "password": "x"}),
        ("/mein-verein/registrieren/", {"email": "neu@example.org", "organisation_name": "Neu\x00"}),
        (f"/bewerben/{page.pk}/", {"name": "Erika\x00", "email": "erika@example.org"}),
        (f"/melden/{page.pk}/", {"reason": "spam", "message": "\x00"}),
    ]
    users = get_user_model().objects.count()
    for url, data in forms:
        response = client.post(url, data)
        assert response.status_code == 400, url
        assert MESSAGE in response.content.decode()
    assert get_user_model().objects.count() == users
    assert not page.applications.exists() and not page.reports.exists()


def test_text_without_nul_passes(client, bretten):
    assert client.get("/suche/", {"q": "Lesen"}).status_code == 200
    assert client.get("/bewerbung/unbekannt/").status_code == 404
