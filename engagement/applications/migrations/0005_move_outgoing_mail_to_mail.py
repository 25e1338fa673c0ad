"""The outbox moves to engagement.mail: every row is copied with its id (a task already enqueued for it
still finds it), its .ics becomes an attachment, its application the record it is about."""

from django.core.management.color import no_style
from django.db import migrations

ICS = {"filename": "termin.ics", "mimetype": "text/calendar"}


def copy_to_mail(apps, schema_editor):
    OldMail = apps.get_model("applications", "OutgoingMail")
    NewMail = apps.get_model("mail", "OutgoingMail")
    ContentType = apps.get_model("contenttypes", "ContentType")
    application_type, _ = ContentType.objects.get_or_create(app_label="applications", model="application")
    copies = [
        NewMail(
            pk=old.pk,
            key=old.key,
            to=old.to,
            subject=old.subject,
            body=old.body,
            html_body=old.html_body,
            attachments=[{**ICS, "content": old.ics}] if old.ics else [],
            content_type=application_type if old.application_id else None,
            object_id=old.application_id,
            state="sent" if old.sent_at else "queued",
            sent_at=old.sent_at,
            created_at=old.created_at,
        )
        for old in OldMail.objects.all()
    ]
    _create_keeping_created_at(NewMail, copies)
    _reset_sequence(schema_editor, NewMail)


def copy_back(apps, schema_editor):
    """Back to the applications' outbox, the only one there was: every mail moves back."""
    OldMail = apps.get_model("applications", "OutgoingMail")
    NewMail = apps.get_model("mail", "OutgoingMail")
    copies = [
        OldMail(
            pk=new.pk,
            key=new.key[:120],
            to=new.to,
            subject=new.subject[:200],
            body=new.body,
            html_body=new.html_body,
            ics=next((a["content"] for a in new.attachments if a["mimetype"] == "text/calendar"), ""),
            application_id=new.object_id
            if new.content_type and new.content_type.model == "application"
            else None,
            sent_at=new.sent_at,
            created_at=new.created_at,
        )
        for new in NewMail.objects.select_related("content_type")
    ]
    _create_keeping_created_at(OldMail, copies)
    _reset_sequence(schema_editor, OldMail)
    NewMail.objects.all().delete()


def _create_keeping_created_at(model, copies):
    """auto_now_add stamps every copy with today; the original moments are written back after."""
    created = {copy.pk: copy.created_at for copy in copies}
    model.objects.bulk_create(copies, batch_size=500)
    for copy in copies:
        copy.created_at = created[copy.pk]
    model.objects.bulk_update(copies, ["created_at"], batch_size=500)


def _reset_sequence(schema_editor, model):
    statements = schema_editor.connection.ops.sequence_reset_sql(no_style(), [model])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0004_application_language"),
        ("mail", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_to_mail, copy_back)]
