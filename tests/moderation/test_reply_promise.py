"""The reply promise for the city's editors: the city panel lists the Vereine that keep applicants waiting
past the promise (how many, never who), and the statistics report gives each organisation's share
answered within the promise. Another city's editor sees nothing of it; the city sets its promise."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from engagement.applications.models import Application
from tests.factories import OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
URL = "/admin/statistik/"


def editor_of(city_name):
    user = UserFactory(username=f"redaktion-{city_name.lower()}")
    user.groups.add(Group.objects.get(name=f"Redaktion {city_name}"))
    client = Client()
    client.force_login(user)
    return client


def received(page, days_ago, answered_after=None, name="Erika Mustermann"):
    received.count = getattr(received, "count", 0) + 1
    confirmed_at = timezone.now() - dt.timedelta(days=days_ago)
    return Application.objects.create(
        opportunity=page,
        name=name,
        email=f"person{received.count}@example.org",
        message="Ich helfe gern.",
        consent_version="1",
        consent_given_at=confirmed_at,
        confirmed_at=confirmed_at,
        last_activity_at=confirmed_at,
        reply_due_at=confirmed_at + 7 * DAY,
        answered_at=None if answered_after is None else confirmed_at + answered_after,
        status=Application.Status.REQUESTED if answered_after is None else Application.Status.ACCEPTED,
    )


@pytest.fixture
def waiting_world(bretten, ettlingen, verein_bretten):
    slow = make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=10)
    quick_verein = OrganisationFactory(name="Schachclub Bretten", home_city=bretten)
    quick = make_opportunity(organisation=quick_verein, title="Schach für Kinder", volunteers_needed=10)
    gardens = OrganisationFactory(name="Gartenfreunde Ettlingen", home_city=ettlingen)
    garden = make_opportunity(organisation=gardens, title="Gartenpflege", volunteers_needed=10)
    received(slow, 10, name="Mia Kraus")  # overdue
    received(slow, 9, name="Jonas Weber")  # overdue
    received(slow, 3, name="Lea Schmidt")  # within the promise: not overdue yet
    received(slow, 20, answered_after=9 * DAY)  # answered late
    received(quick, 20, answered_after=DAY)
    received(quick, 15, answered_after=2 * DAY)
    received(garden, 12, name="Paul Ettlinger")  # overdue, in Ettlingen
    return {"slow": slow, "quick": quick, "garden": garden}


def panel(client):
    html = client.get("/admin/").content.decode()
    return html.split("wartet länger als versprochen", 1)[-1].split("Laufen in den nächsten 14 Tagen", 1)[0]


def test_another_citys_editor_sees_nothing_of_bretten(waiting_world):
    html = editor_of("Ettlingen").get("/admin/").content.decode()
    assert "Tafel Bretten e. V." not in html and "Schachclub Bretten" not in html
    assert "1 Bewerbung wartet länger als versprochen auf eine Antwort." in html
    assert "Gartenfreunde Ettlingen: 1 Bewerbung" in html


def test_the_panel_lists_vereine_with_overdue_applications_by_count_never_by_name(waiting_world):
    client = editor_of("Bretten")
    html = client.get("/admin/").content.decode()
    assert "2 Bewerbungen warten länger als versprochen auf eine Antwort." in html
    listed = panel(client)
    assert "Tafel Bretten e. V.: 2 Bewerbungen" in listed
    assert "Schachclub Bretten" not in listed  # answers in time
    assert "Gartenfreunde Ettlingen" not in html
    for personal in ("Mia Kraus", "Jonas Weber", "Lea Schmidt", "person1@example.org", "Ich helfe gern"):
        assert personal not in html


def test_the_statistics_give_each_organisations_share_answered_within_the_promise(waiting_world, bretten):
    client = editor_of("Bretten")
    html = client.get(URL).content.decode()
    table = html.split('id="promise-by-organisation"', 1)[1].split("</table>", 1)[0]
    rows = [
        [cell.strip() for cell in row.replace('<th scope="row">', "<td>").split("<td>")[1:]]
        for row in table.split("<tr>")[2:]
    ]
    cells = [[cell.split("<")[0] for cell in row] for row in rows]
    # Tafel: two overdue (count, unanswered) and one answered late → 0 of 3; Schachclub: 2 of 2.
    assert cells == [["Schachclub Bretten", "2", "2", "100,0"], ["Tafel Bretten e. V.", "3", "0", "0,0"]]
    assert "Gartenfreunde Ettlingen" not in html
    for personal in ("Mia Kraus", "Jonas Weber", "person1@example.org"):
        assert personal not in html
    response = client.get(URL, {"city": bretten.pk, "export": "csv"})
    exported = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Schachclub Bretten: innerhalb der Frist beantwortet (%)" in exported


def test_an_editor_cannot_read_another_citys_promise_figures(waiting_world, bretten):
    html = editor_of("Ettlingen").get(URL, {"city": bretten.pk}).content.decode()
    assert "Tafel Bretten e. V." not in html and "Schachclub Bretten" not in html
    assert "Gartenfreunde Ettlingen" in html  # falls back to the editor's own city


def test_a_citys_editor_sets_the_reply_promise_on_the_city_page(bretten):
    client = editor_of("Bretten")
    response = client.get(f"/admin/pages/{bretten.pk}/edit/")
    assert response.status_code == 200
    assert 'name="reply_promise_days"' in response.content.decode()
