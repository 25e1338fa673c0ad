"""The outbox in the admin: administrators only (the mails hold personal data)."""

import pytest

from engagement.mail import outbox
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_outgoing_mail
from tests.mail.conftest import committed

pytestmark = pytest.mark.django_db

URL = "/admin/postausgang/"


@pytest.fixture
def failed_mails(page, monkeypatch):
    monkeypatch.setattr(send_outgoing_mail, "delay", lambda mail_id: None)
    context = {"city": page.city, "url": "http://testserver/x/"}
    for key in ("confirm:1", "confirm:2"):
        committed(outbox.queue, key, "mia@example.org", "applications/emails/confirm", context)
    OutgoingMail.objects.update(
        state=OutgoingMail.State.FAILED, attempts=48, last_error="SMTPRecipientsRefused: 550 unknown"
    )
    monkeypatch.undo()
    return list(OutgoingMail.objects.order_by("key"))


def test_a_city_editor_sees_no_outbox_and_cannot_retry(client, editor, failed_mails):
    client.force_login(editor)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"retry": failed_mails[0].pk}).status_code == 404
    assert "postausgang" not in client.get("/admin/").content.decode()
    assert not OutgoingMail.objects.exclude(state=OutgoingMail.State.FAILED).exists()


def test_a_verein_member_and_a_visitor_never_reach_the_outbox(client, member, failed_mails):
    for user in (member, None):
        if user:
            client.force_login(user)
        response = client.get(URL)
        assert response.status_code in (302, 403, 404) and "mia@example.org" not in response.content.decode()
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/")
        client.post(URL, {"selected": [mail.pk for mail in failed_mails]})
    assert OutgoingMail.objects.filter(state=OutgoingMail.State.FAILED).count() == 2


def test_an_administrator_sees_state_attempts_and_error_and_retries_one(
    client, superuser, failed_mails, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    text = client.get(URL).content.decode()
    assert "mia@example.org" in text and "Bitte bestätigen Sie Ihre Bewerbung" in text
    assert "Fehlgeschlagen" in text and "48" in text and "SMTPRecipientsRefused: 550 unknown" in text
    assert "Postausgang" in client.get("/admin/").content.decode()  # in the settings menu

    first, second = failed_mails
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"retry": first.pk}, follow=True)
    assert "1 Mail wird erneut gesendet." in response.content.decode()
    first.refresh_from_db(), second.refresh_from_db()
    assert first.state == OutgoingMail.State.SENT and second.state == OutgoingMail.State.FAILED
    assert len(mailoutbox) == 1

    only_failed = client.get(URL, {"state": "failed"}).content.decode()
    assert f'data-mail="{second.pk}"' in only_failed and f'data-mail="{first.pk}"' not in only_failed


def test_an_administrator_retries_several_at_once_and_a_sent_mail_is_not_sent_again(
    client, superuser, failed_mails, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    ids = [mail.pk for mail in failed_mails]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"selected": ids}, follow=True)
    assert "2 Mails werden erneut gesendet." in response.content.decode()
    assert len(mailoutbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"selected": ids}, follow=True)
    assert "Keine der gewählten Mails wartet auf einen Versand." in response.content.decode()
    assert len(mailoutbox) == 2
