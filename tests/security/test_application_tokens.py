"""Application links name no sequential id, and guessing status links is throttled."""

import re

import pytest
from django.core import signing
from django.test import Client, TestCase

from engagement.applications.models import Application
from engagement.applications.services.applying import CONFIRM_SALT, confirm
from engagement.ratelimit import LIMITS
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

DATA = {"name": "Mia Kraus", "email": "mia@example.org", "message": "Ich lese gern vor.", "consent": "on"}


@pytest.fixture
def applied(verein_bretten, mailoutbox):
    page = make_opportunity(organisation=verein_bretten, title="Lesepat:in")
    with TestCase.captureOnCommitCallbacks(execute=True):
        Client().post(f"/bewerben/{page.pk}/", DATA)
    [path] = re.findall(r"http://testserver(/bewerbung/bestaetigen/\S+)", mailoutbox[-1].body)
    return Application.objects.get(), path


def test_the_confirmation_link_names_no_sequential_id(applied):
    application, path = applied
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert signing.loads(token, salt=CONFIRM_SALT) == application.access_token


def test_a_confirmation_link_of_another_application_id_is_refused(applied):
    application, _path = applied
    forged = signing.dumps("erraten", salt=CONFIRM_SALT)
    assert confirm(forged) is None
    assert confirm(signing.dumps(application.pk, salt="something-else")) is None


def test_guessing_status_links_is_throttled_per_address(applied):
    application, _path = applied
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(LIMITS["status-lookup-address"].attempts):
        assert guesser.get(f"/bewerbung/geraten-{number}/").status_code == 404
    # Past the budget even the right link waits: the guesser cannot tell a hit from a miss.
    response = guesser.get(f"/bewerbung/{application.access_token}/")
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert Client(REMOTE_ADDR="203.0.113.9").get(f"/bewerbung/{application.access_token}/").status_code == 200


def test_the_applicant_opening_the_own_link_spends_no_budget(applied):
    application, _path = applied
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(LIMITS["status-lookup-address"].attempts + 1):
        assert client.get(f"/bewerbung/{application.access_token}/").status_code == 200
