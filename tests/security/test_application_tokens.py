"""Links into an application: opaque random tokens, only their hashes stored, lookups by hash, failed
lookups throttled; links mailed before the hashing keep working."""

import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client, TestCase
from django.utils import timezone

from engagement.applications import services
from engagement.applications.models import AccessToken, Application, hash_token
from engagement.applications.services.applying import CONFIRM_SALT, confirm
from engagement.ratelimit import LIMITS
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

DATA = {"name": "Mia Kraus", "email": "mia@example.org", "message": "Ich lese gern vor.", "consent": "on"}


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def apply_to(verein_bretten, mailoutbox):
    """Apply and confirm through the real forms; returns (application, status link path)."""

    def make(email="mia@example.org", slug="lesepate"):
        page = make_opportunity(organisation=verein_bretten, title=f"Angebot {slug}", slug=slug)
        with TestCase.captureOnCommitCallbacks(execute=True):
            Client().post(f"/bewerben/{page.pk}/", {**DATA, "email": email})
        [confirm_path] = re.findall(r"http://testserver(/bewerbung/bestaetigen/\S+)", mailoutbox[-1].body)
        with TestCase.captureOnCommitCallbacks(execute=True):
            Client().post(confirm_path)
        received = [mail for mail in mailoutbox if mail.to == [email]][-1]
        [status_path] = re.findall(r"http://testserver(/bewerbung/[\w-]+/)", received.body)
        return Application.objects.get(email=email, opportunity=page), status_path, confirm_path

    return make


# Negative cases first.


def test_a_wrong_or_altered_token_opens_nothing(apply_to):
    application, status_path, confirm_path = apply_to()
    token = token_of(status_path)
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    client = Client()
    assert client.get(f"/bewerbung/{altered}/").status_code == 404
    assert client.get(f"/bewerbung/{token[:-1]}/").status_code == 404
    assert client.get(f"/bewerbung/{hash_token(token)}/").status_code == 404  # the stored hash is no key
    # A confirmation token is no status token, and the other way round.
    assert client.get(f"/bewerbung/{token_of(confirm_path)}/").status_code == 404
    assert confirm(token) is None
    assert client.post(f"/bewerbung/{altered}/", {"action": "erase", "confirm": "yes"}).status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()


def test_a_token_opens_only_its_own_application(apply_to):
    mine, my_path, _ = apply_to("mia@example.org", "lesepate")
    theirs, their_path, _ = apply_to("tom@example.org", "garten")
    client = Client()
    html = client.get(my_path).content.decode()
    assert "Angebot lesepate" in html and "Angebot garten" not in html
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(their_path, {"action": "withdraw", "confirm": "yes"})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status) == ("requested", "withdrawn")


def test_a_forged_signed_confirmation_link_is_refused(apply_to):
    application, _status_path, _confirm_path = apply_to()
    assert confirm(signing.dumps("erraten", salt=CONFIRM_SALT)) is None
    assert confirm(signing.dumps(application.pk, salt="something-else")) is None


def test_guessing_status_links_is_throttled_per_address(apply_to):
    _application, status_path, _ = apply_to()
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(LIMITS["status-lookup-address"].attempts):
        assert guesser.get(f"/bewerbung/geraten-{number}/").status_code == 404
    # Past the budget even the right link waits: the guesser cannot tell a hit from a miss.
    response = guesser.get(status_path)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert Client(REMOTE_ADDR="203.0.113.9").get(status_path).status_code == 200


def test_guessing_confirmation_links_spends_the_same_budget(apply_to):
    _application, status_path, _ = apply_to()
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(LIMITS["status-lookup-address"].attempts):
        assert guesser.post(f"/bewerbung/bestaetigen/geraten-{number}/").status_code == 400
    assert guesser.post("/bewerbung/bestaetigen/noch-einer/").status_code == 429
    assert guesser.get(status_path).status_code == 429


# What holds.


def test_the_applicant_opening_the_own_link_spends_no_budget(apply_to):
    _application, status_path, _ = apply_to()
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(LIMITS["status-lookup-address"].attempts + 1):
        assert client.get(status_path).status_code == 200


def test_the_links_name_no_sequential_id_and_the_database_holds_no_usable_token(apply_to):
    application, status_path, confirm_path = apply_to()
    tokens = [token_of(status_path), token_of(confirm_path)]
    for token in tokens:
        assert re.fullmatch(r"[\w-]{43}", token) and str(application.pk) != token
    stored = AccessToken.objects.filter(application=application)
    assert {row.token_hash for row in stored} >= {hash_token(token) for token in tokens}
    # Everything the application's rows hold, as text: no token in it, and no value of it opens a page.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT row_to_json(a)::text FROM applications_application a WHERE id = %s "
            "UNION ALL SELECT row_to_json(t)::text FROM applications_accesstoken t WHERE application_id = %s",
            [application.pk, application.pk],
        )
        dump = " ".join(row for (row,) in cursor.fetchall())
    assert not any(token in dump for token in tokens)
    client = Client()
    for value in re.findall(r'"[^"]{16,}"', dump):
        cache.clear()  # every value is tried, beyond the limit on unknown links from one address
        assert client.get(f"/bewerbung/{value.strip(chr(34))}/").status_code == 404


def test_every_mail_carries_a_link_of_its_own_and_old_links_stay_valid(apply_to, mailoutbox):
    application, status_path, _ = apply_to()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.change_status(application, "withdrawn")
    [later_path] = re.findall(r"http://testserver(/bewerbung/[\w-]+/)", mailoutbox[-1].body)
    assert later_path != status_path
    client = Client()
    assert client.get(status_path).status_code == 200 and client.get(later_path).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_links_mailed_before_the_hashing_still_open_after_the_migration(verein_bretten):
    page = make_opportunity(organisation=verein_bretten)
    executor = MigrationExecutor(connection)
    executor.migrate([("applications", "0007_inactive_applications_close")])
    now = timezone.now()
    rows = {
        "confirmed": ("old-status-token-" + "x" * 26, now),
        "unconfirmed": ("old-token-" + "y" * 33, None),
    }
    with connection.cursor() as cursor:
        for email, (token, confirmed_at) in rows.items():
            cursor.execute(
                "INSERT INTO applications_application (opportunity_id, name, email, phone, message, "
                "availability, age_confirmed, requirements_confirmed, on_waiting_list, status, "
                "consent_version, consent_given_at, confirmed_at, access_token, language, created_at, "
                "updated_at) VALUES (%s, 'Mia', %s, '', 'x', '', false, false, false, 'requested', '1', "
                "%s, %s, %s, 'de', %s, %s)",
                [page.pk, f"{email}@example.org", now, confirmed_at, token, now, now],
            )
    old_confirm_link = signing.dumps(rows["unconfirmed"][0], salt=CONFIRM_SALT)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    with connection.cursor() as cursor:
        cursor.execute("SELECT row_to_json(a)::text FROM applications_application a")
        dump = " ".join(row for (row,) in cursor.fetchall())
    assert rows["confirmed"][0] not in dump and rows["unconfirmed"][0] not in dump
    assert Client().get(f"/bewerbung/{rows['confirmed'][0]}/").status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        confirmed = confirm(old_confirm_link)
    assert confirmed.email == "unconfirmed@example.org" and confirmed.confirmed_at is not None
    # Backwards: new plain tokens, one per application, different from each other.
    executor = MigrationExecutor(connection)
    executor.migrate([("applications", "0007_inactive_applications_close")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT access_token FROM applications_application")
        restored = [token for (token,) in cursor.fetchall()]
    assert len(set(restored)) == 2 and None not in restored
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
