"""A city's editors read what the citizen wrote in a report, and only in their own city's reports."""

import pytest
from django.contrib.auth.models import Group

from engagement.moderation.models import ContentReport
from tests.factories import UserFactory, make_opportunity

pytestmark = pytest.mark.django_db

BRETTEN_TEXT = "Die Telefonnummer im Angebot gehört seit Mai einer Arztpraxis."
ETTLINGEN_TEXT = "Hier wird für eine Partei geworben, nicht für ein Ehrenamt."


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


@pytest.fixture
def reports(bretten, ettlingen):
    own = ContentReport.objects.create(
        opportunity=make_opportunity(city=bretten, title="Lesepaten Bretten"),
        city=bretten,
        reason=ContentReport.Reason.WRONG,
        message=BRETTEN_TEXT,
    )
    foreign = ContentReport.objects.create(
        opportunity=make_opportunity(city=ettlingen, title="Infostand Ettlingen"),
        city=ettlingen,
        reason=ContentReport.Reason.NOT_VOLUNTEERING,
        message=ETTLINGEN_TEXT,
    )
    return own, foreign


def test_the_report_list_shows_a_shortened_message_of_the_own_citys_reports_only(client, editor, reports):
    own, _ = reports
    own.message = "Ein sehr langer Hinweis. " * 20 + "ENDE"
    own.save()
    client.force_login(editor)
    html = client.get("/admin/content_reports/").content.decode()
    assert "Ein sehr langer Hinweis." in html
    assert "ENDE" not in html  # shortened in the list
    assert ETTLINGEN_TEXT not in html


def test_the_edit_page_shows_what_was_reported_when_and_about_which_offer(client, editor, reports):
    own, _ = reports
    client.force_login(editor)
    response = client.get(f"/admin/content_reports/edit/{own.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert BRETTEN_TEXT in html
    assert "Angaben stimmen nicht oder sind veraltet" in html  # the reason
    assert f'href="/admin/pages/{own.opportunity.pk}/edit/"' in html  # to the reported offer
    assert "Gemeldet am" in html
    assert ETTLINGEN_TEXT not in html
    # The citizen's text stays as it was: the form only takes the editors' status and note.
    response = client.post(
        f"/admin/content_reports/edit/{own.pk}/",
        {"status": "open", "editor_note": "Verein angerufen", "message": "überschrieben"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.message, own.editor_note) == (BRETTEN_TEXT, "Verein angerufen")


def test_the_detail_view_shows_the_whole_report_of_the_own_city(client, editor, reports):
    own, foreign = reports
    client.force_login(editor)
    response = client.get(f"/admin/content_reports/inspect/{own.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert BRETTEN_TEXT in html and "Lesepaten Bretten" in html
    assert f'href="/admin/pages/{own.opportunity.pk}/edit/"' in html
    assert "Angaben stimmen nicht oder sind veraltet" in html
    assert ETTLINGEN_TEXT not in html


def test_another_citys_report_text_never_reaches_the_editor(client, editor, reports):
    _, foreign = reports
    client.force_login(editor)
    for url in (
        f"/admin/content_reports/inspect/{foreign.pk}/",
        f"/admin/content_reports/edit/{foreign.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert ETTLINGEN_TEXT not in response.content.decode()
    listing = client.get("/admin/content_reports/", {"status": "", "q": "Partei"}).content.decode()
    assert ETTLINGEN_TEXT not in listing and "Infostand Ettlingen" not in listing
