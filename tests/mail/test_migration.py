"""Moving the outbox from applications to engagement.mail keeps every mail (and moves them back)."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("applications", "0003_waiting_list"), ("mail", None)]
AFTER = [("applications", "0006_delete_outgoingmail"), ("mail", "0001_initial")]
SENT = dt.datetime(2026, 11, 1, 10, 1, tzinfo=dt.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    """Whatever happens in the test, the database ends with every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_outbox_moves_with_its_rows_ids_times_and_attachments():
    old_apps = migrate(BEFORE)
    OldMail = old_apps.get_model("applications", "OutgoingMail")
    OldMail.objects.create(
        id=7,
        key="status:1",
        to="a@example.org",
        subject="Zusage",
        body="b",
        ics="BEGIN:VCALENDAR",
        sent_at=SENT,
    )
    OldMail.objects.create(id=9, key="confirm:2", to="b@example.org", subject="Bitte", body="b")
    OldMail.objects.filter(pk=7).update(created_at=SENT - dt.timedelta(minutes=1))

    new_apps = migrate(AFTER)
    NewMail = new_apps.get_model("mail", "OutgoingMail")
    moved = {mail.pk: mail for mail in NewMail.objects.all()}
    assert set(moved) == {7, 9}
    assert moved[7].state == "sent" and moved[7].sent_at == SENT
    assert moved[7].created_at == SENT - dt.timedelta(minutes=1)  # not the day of the migration
    assert moved[7].attachments == [
        {"filename": "termin.ics", "mimetype": "text/calendar", "content": "BEGIN:VCALENDAR"}
    ]
    assert moved[9].state == "queued" and moved[9].attachments == []
    assert NewMail.objects.create(key="new", to="c@example.org", subject="s", body="b").pk > 9  # sequence

    old_apps = migrate(BEFORE)
    back = old_apps.get_model("applications", "OutgoingMail").objects.order_by("pk")
    assert [(mail.pk, mail.key, mail.ics) for mail in back][:2] == [
        (7, "status:1", "BEGIN:VCALENDAR"),
        (9, "confirm:2", ""),
    ]
    migrate(AFTER)
