"""Hours and Nachweise are kept as long as the volunteer wants them: retention minimises an application
with confirmed hours or an issued Nachweis instead of deleting it, and deletes it once the volunteer has
deleted their record."""

import datetime as dt

import pytest
from django.utils import timezone
from freezegun import freeze_time

from engagement.applications.models import Application, StatusChange
from engagement.applications.tasks import apply_retention
from engagement.hours import services
from engagement.hours.models import Certificate, HoursEntry
from engagement.mail.models import OutgoingMail
from tests.applications.conftest import post

pytestmark = pytest.mark.django_db


def later(days):
    return freeze_time(timezone.now() + dt.timedelta(days=days))


def withdraw(client, link):
    assert post(client, link, {"action": "withdraw", "confirm": "yes"}).status_code == 302


def test_without_hours_an_application_is_deleted_as_before(client, with_hours):
    jonas, link = with_hours["jonas"]  # recorded as "nicht erschienen": nothing to keep
    withdraw(client, link)
    with later(91):
        counts = apply_retention()
    assert counts["closed"] == 1 and counts["minimised"] == 0
    assert not Application.objects.filter(pk=jonas.pk).exists()
    assert not HoursEntry.objects.filter(application_id=jonas.pk).exists()


def test_confirmed_hours_keep_a_minimised_application_until_the_volunteer_deletes_the_record(
    client, with_hours
):
    mia, link = with_hours["mia"]
    Application.objects.filter(pk=mia.pk).update(phone="07252 1", availability="abends")
    mia.refresh_from_db()
    assert mia.message == "Ich lese gern vor."
    withdraw(client, link)
    assert OutgoingMail.objects.filter(object_id=mia.pk, to=mia.email).exists()
    with later(89):
        assert apply_retention()["minimised"] == 0
        mia.refresh_from_db()
        assert mia.message  # not before the period ends
    with later(91):
        counts = apply_retention()
        assert counts["minimised"] == 1 and counts["closed"] == 0
        assert apply_retention()["minimised"] == 0  # a second run changes nothing
        mia.refresh_from_db()
        assert (mia.phone, mia.message, mia.availability) == ("", "", "")
        assert (mia.name, mia.email) == ("Mia Kraus", "mia@example.org")
        assert not StatusChange.objects.filter(application=mia).exclude(message="").exists()
        assert not OutgoingMail.objects.filter(object_id=mia.pk, state="sent", to=mia.email).exists()
        # The private link still opens the record with its hours.
        record = client.get(f"{link}stunden/").content.decode()
        assert "Aufbau Stadtfest" in record and "Helfen beim Stadtfest" in record
        assert HoursEntry.objects.filter(application=mia, attended=True).count() == 1
    with later(400):
        assert apply_retention()["closed"] == 0
        assert Application.objects.filter(pk=mia.pk).exists()
        # The volunteer deletes their record: the next run deletes the application.
        post(client, f"{link}stunden/", {"action": "erase", "confirm": "yes"})
        assert apply_retention()["closed"] == 1
    assert not Application.objects.filter(pk=mia.pk).exists()


def test_an_issued_certificate_alone_keeps_the_application(client, issued):
    certificate, link = issued
    application = certificate.application
    for entry in HoursEntry.objects.filter(application=application):
        services.delete_entry(entry)
    withdraw(client, link)
    with later(91):
        assert apply_retention()["minimised"] == 1
    assert Certificate.objects.filter(pk=certificate.pk, status="issued").exists()
    assert client.get(f"/nachweis/{certificate.display_code}/").status_code == 200


def test_a_revoked_certificate_keeps_nothing(client, member, issued):
    certificate, link = issued
    services.revoke_certificate(certificate, by=member)
    for entry in HoursEntry.objects.filter(application=certificate.application):
        services.delete_entry(entry)
    withdraw(client, link)
    with later(91):
        apply_retention()
    assert not Application.objects.filter(pk=certificate.application_id).exists()


def test_ended_opportunities_minimise_too(client, with_hours, page):
    mia, _ = with_hours["mia"]
    page.end_date = timezone.localdate() + dt.timedelta(days=1)
    page.save()
    with later(93):
        counts = apply_retention()
    assert counts["minimised"] == 1 and counts["ended"] == 1  # Jonas deleted, Mia kept
    mia.refresh_from_db()
    assert mia.message == "" and mia.email == "mia@example.org"
