"""The volunteer's own record through the private status link: hours per Verein and year, thresholds of
the city (a fact, never a decision), erasure; wrong links are refused and counted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from engagement.hours import services
from engagement.hours.models import Certificate, HoursEntry, RecognitionThreshold
from tests.applications.conftest import post
from tests.factories import UserFactory
from tests.hours.conftest import LAST_WEEK
from tests.isolation.test_media_choices import city_form

pytestmark = pytest.mark.django_db


def test_the_status_page_leads_to_the_record(client, helpers):
    _, link = helpers["mia"]
    status = client.get(link).content.decode()
    assert f'href="{link}stunden/"' in status


def test_the_record_shows_the_own_hours_only(client, member, with_hours):
    mia, link = with_hours["mia"]
    services.record_attendance(
        mia.opportunity.organisation,
        [(mia, LAST_WEEK - dt.timedelta(days=1), Decimal("2.5"), True, "Kasse")],
        member,
    )
    response = client.get(f"{link}stunden/")
    html = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    assert "Tafel Bretten e. V." in html and "Helfen beim Stadtfest" in html
    assert "Aufbau Stadtfest" in html and "Kasse" in html
    assert "5,5" in html  # 3 + 2.5 hours, written the German way
    assert "Jonas" not in html


def test_a_volunteer_who_did_not_come_sees_it_without_blame(client, with_hours):
    _, link = with_hours["jonas"]
    html = client.get(f"{link}stunden/").content.decode()
    assert "nicht dabei" in html and "nicht erschienen" not in html
    assert "Nachweis bei der Organisation anfragen" not in html  # no hours, nothing to certify


def test_wrong_links_are_refused_and_guessing_is_throttled(client, helpers):
    _, link = helpers["mia"]
    cache.clear()
    for attempt in range(20):
        assert client.get(f"/bewerbung/falsch{attempt}/stunden/").status_code == 404
    assert client.get(f"{link}stunden/").status_code == 429


def test_erasing_the_record_takes_hours_and_certificates_and_their_verification(client, issued):
    certificate, link = issued
    response = post(client, f"{link}stunden/", {"action": "erase"})
    assert response.status_code == 200 and "Stunden und Nachweise löschen?" in response.content.decode()
    assert HoursEntry.objects.filter(application=certificate.application).exists()  # asked only
    post(client, f"{link}stunden/", {"action": "erase", "confirm": "yes"})
    assert not HoursEntry.objects.filter(application=certificate.application).exists()
    assert not Certificate.objects.exists()
    assert client.get(f"/nachweis/{certificate.display_code}/").status_code == 404
    assert client.get(link).status_code == 200  # the application itself stays


@pytest.fixture
def thresholds(bretten, ettlingen):
    RecognitionThreshold.objects.create(
        city=bretten, name="Ehrenamtskarte Baden-Württemberg", hours=5, period="year"
    )
    RecognitionThreshold.objects.create(
        city=bretten, name="Engagementnachweis der Stadt", hours=100, period="total"
    )
    RecognitionThreshold.objects.create(
        city=ettlingen, name="Ettlinger Ehrenamtspass", hours=1, period="year"
    )


def test_thresholds_of_the_city_are_shown_as_facts_not_decisions(client, member, with_hours, thresholds):
    mia, link = with_hours["mia"]
    html = client.get(f"{link}stunden/").content.decode()
    assert "Ehrenamtskarte Baden-Württemberg" in html and "Richtwert 5 Stunden pro Kalenderjahr." in html
    assert (
        "Bisher bestätigt: 3 Stunden." in html
        and "erreicht" not in html.split("Richtwerte")[1].split("Einsätze")[0]
    )
    assert "Ettlinger Ehrenamtspass" not in html  # another city's threshold
    assert "entscheidet allein die Stelle, die sie ausgibt" in html
    services.record_attendance(
        mia.opportunity.organisation, [(mia, timezone.localdate(), 2, True, "Kasse")], member
    )
    html = client.get(f"{link}stunden/").content.decode()
    year = timezone.localdate().year
    if LAST_WEEK.year == year:
        assert f"Mit 5 bestätigten Stunden im Jahr {year} haben Sie diesen Richtwert erreicht." in html
    assert "Richtwert 100 Stunden insgesamt." in html
    for claim in ("berechtigt", "Anspruch", "erhalten Sie"):
        assert claim not in html


def test_a_city_editor_sets_thresholds_on_the_citys_page_through_the_admin_form(client, bretten):
    editor = UserFactory(username="redaktion-bretten")
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    client.force_login(editor)
    html = client.get(f"/admin/pages/{bretten.pk}/edit/").content.decode()
    assert "Richtwerte für die Anerkennung von Engagement" in html
    threshold = {"name": "Ehrenamtskarte Baden-Württemberg", "hours": "200", "period": "year", "link": ""}
    form = {
        **city_form(bretten),
        **nested_form_data({"recognition_thresholds": inline_formset([threshold])}),
        "action-publish": "1",
    }
    response = client.post(f"/admin/pages/{bretten.pk}/edit/", form)
    assert response.status_code == 302
    assert list(RecognitionThreshold.objects.values_list("city", "name", "hours")) == [
        (bretten.pk, "Ehrenamtskarte Baden-Württemberg", 200)
    ]
