"""Accessibility feedback in the admin: each city's editors see and answer only their own city's messages."""

import pytest
from django.contrib.auth.models import Group

from engagement.legal.models import AccessibilityFeedback, LegalPage
from home.models import HomePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/accessibility_feedback/"


def inspect_url(feedback):
    return f"{INDEX}inspect/{feedback.pk}/"


def answered_url(feedback):
    return f"{INDEX}answered/{feedback.pk}/"


def feedback_about(parent, city, message):
    page = LegalPage.objects.child_of(parent).get(kind=LegalPage.Kind.ACCESSIBILITY)
    return AccessibilityFeedback.objects.create(page=page, city=city, location="/suche/", message=message)


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


@pytest.fixture
def messages(bretten, ettlingen):
    return {
        "own": feedback_about(bretten, bretten, "Kontrast in Bretten zu schwach"),
        "foreign": feedback_about(ettlingen, ettlingen, "Tastatur in Ettlingen hakt"),
        "portal": feedback_about(HomePage.objects.get(), None, "Portal ohne Untertitel"),
    }


def test_editor_lists_only_their_own_citys_feedback(client, editor, messages):
    client.force_login(editor)
    html = client.get(INDEX).content.decode()
    assert "Barrieren gemeldet" in html
    assert inspect_url(messages["own"]) in html
    assert inspect_url(messages["foreign"]) not in html
    assert inspect_url(messages["portal"]) not in html


def test_editor_reads_own_feedback_but_not_another_citys_or_the_portals(client, editor, messages):
    client.force_login(editor)
    response = client.get(inspect_url(messages["own"]))
    assert response.status_code == 200
    assert "Kontrast in Bretten zu schwach" in response.content.decode()
    assert client.get(inspect_url(messages["foreign"])).status_code == 404
    assert client.get(inspect_url(messages["portal"])).status_code == 404


def test_editor_marks_own_feedback_answered_and_cannot_mark_another_citys(client, editor, messages):
    client.force_login(editor)
    assert "Als beantwortet markieren" in client.get(inspect_url(messages["own"])).content.decode()
    response = client.post(answered_url(messages["own"]), follow=True)
    assert "als beantwortet markiert" in response.content.decode()
    own = AccessibilityFeedback.objects.get(pk=messages["own"].pk)
    assert own.answered_by == editor and own.answered_at is not None
    assert "Als beantwortet markieren" not in client.get(inspect_url(own)).content.decode()

    assert client.post(answered_url(messages["foreign"])).status_code == 404
    assert AccessibilityFeedback.objects.get(pk=messages["foreign"].pk).answered_at is None


def test_filter_shows_open_feedback_only(client, editor, messages, bretten):
    answered = feedback_about(bretten, bretten, "Schon erledigt")
    client.force_login(editor)
    client.post(answered_url(answered))
    html = client.get(INDEX, {"answered": "false"}).content.decode()
    assert inspect_url(messages["own"]) in html
    assert inspect_url(answered) not in html


def test_no_edit_or_delete_view_reaches_feedback(client, editor, superuser, messages):
    client.force_login(superuser)
    for view in ("edit", "delete", "history", "usage"):
        assert client.get(f"{INDEX}{view}/{messages['own'].pk}/").status_code == 404


def test_administrators_see_every_city_and_the_portal(client, superuser, messages):
    client.force_login(superuser)
    html = client.get(INDEX).content.decode()
    for feedback in messages.values():
        assert inspect_url(feedback) in html
    assert client.get(inspect_url(messages["portal"])).status_code == 200


def test_users_without_a_city_see_nothing(client, messages):
    user = UserFactory(username="ohne-stadt")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(inspect_url(messages["own"])).status_code in (302, 403, 404)
    assert client.post(answered_url(messages["own"])).status_code in (302, 403, 404)
    assert AccessibilityFeedback.objects.get(pk=messages["own"].pk).answered_at is None


def test_anonymous_visitors_are_sent_to_the_login(client, messages):
    for response in (client.get(INDEX), client.get(inspect_url(messages["own"]))):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    response = client.post(answered_url(messages["own"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert AccessibilityFeedback.objects.get(pk=messages["own"].pk).answered_at is None


def test_the_portals_feedback_names_the_portal_and_every_time_is_berlin_time(client, superuser, messages):
    import datetime as dt

    portal = messages["portal"]
    late_evening_utc = dt.datetime(2026, 3, 14, 23, 30, tzinfo=dt.UTC)  # 15 March, 00:30 in Berlin
    AccessibilityFeedback.objects.filter(pk=portal.pk).update(created_at=late_evening_utc)
    portal.refresh_from_db()
    assert str(portal).startswith("15.03.2026 – ")
    client.force_login(superuser)
    listing = client.get(INDEX).content.decode()
    inspect = client.get(inspect_url(portal)).content.decode()
    for html in (listing, inspect):
        assert "Portal (alle Städte)" in html and ">None<" not in html.replace(" ", "").replace("\n", "")
    assert "15. März 2026 00:30" in inspect and "23:30" not in inspect
