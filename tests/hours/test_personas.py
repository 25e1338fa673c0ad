"""Who sees what of hours and Nachweise: the Verein its own, city editors counts and never names,
anonymous visitors only a certificate's statement through its code."""

import re

import pytest
from django.contrib.auth.models import Group

from engagement.hours.models import Certificate
from tests.applications.conftest import post
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_editor(bretten):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def test_city_editors_see_counts_of_hours_never_names(client, city_editor, issued, page):
    certificate, _ = issued
    client.force_login(city_editor)
    html = client.get("/admin/statistik/").content.decode()
    assert "Bestätigte Engagementstunden" in html and "Freiwillige mit bestätigten Stunden" in html
    figures = dict(re.findall(r'<th scope="row">([^<]+)</th><td data-figure="\d+">([^<]+)</td>', html))
    assert figures["Bestätigte Engagementstunden"] == "3"
    assert figures["Freiwillige mit bestätigten Stunden"] == "1"
    assert figures["Ausgestellte Engagementnachweise"] == "1"
    for name in ("Mia Kraus", "Jonas Weber", "Petra Vorstand"):
        assert name not in html
    assert client.get(f"/mein-verein/stunden/angebot/{page.pk}/").status_code == 404
    assert (
        client.get(f"/mein-verein/stunden/nachweise/ausstellen/{certificate.application_id}/").status_code
        == 404
    )
    assert "Mia Kraus" not in client.get("/mein-verein/stunden/nachweise/").content.decode()
    assert (
        post(
            client, f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/", {"confirm": "yes"}
        ).status_code
        == 404
    )


def test_anonymous_visitors_reach_no_verein_screen(client, issued, page):
    certificate, _ = issued
    for path in (
        f"/mein-verein/stunden/angebot/{page.pk}/",
        "/mein-verein/stunden/nachweise/",
        f"/mein-verein/stunden/nachweise/ausstellen/{certificate.application_id}/",
    ):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith("/mein-verein/anmelden/"), path
    assert (
        post(
            client, f"/mein-verein/stunden/nachweise/{certificate.pk}/widerrufen/", {"confirm": "yes"}
        ).status_code
        == 302
    )
    certificate.refresh_from_db()
    assert certificate.status == "issued"


def test_a_request_not_yet_issued_cannot_be_verified(client, with_hours):
    _, link = with_hours["mia"]
    post(client, f"{link}stunden/", {"action": "request"})
    assert Certificate.objects.get().code is None
    assert client.get("/nachweis/None/").status_code == 404
