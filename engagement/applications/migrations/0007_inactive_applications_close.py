"""Open applications get an end: their last activity and the notice to the organisation are recorded,
and the platform may close them ("expired"). Existing applications count their last activity from
their confirmation or their last status change, whichever is later."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest


def record_last_activity(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    StatusChange = apps.get_model("applications", "StatusChange")
    last_change = (
        StatusChange.objects.filter(application=OuterRef("pk")).order_by("-changed_at").values("changed_at")[:1]
    )
    Application.objects.filter(confirmed_at__isnull=False).update(
        last_activity_at=Greatest("confirmed_at", Coalesce(Subquery(last_change), "confirmed_at"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_delete_outgoingmail"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="closing_notice_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="application",
            name="last_activity_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True),
        ),
        migrations.AlterField(
            model_name="application",
            name="status",
            field=models.CharField(
                choices=[('requested', 'Eingegangen'), ('accepted', 'Zugesagt'), ('declined', 'Abgesagt'), ('withdrawn', 'Zurückgezogen'), ('expired', 'Geschlossen')],
                default="requested",
                max_length=10,
                verbose_name="Status",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="from_status",
            field=models.CharField(choices=[('requested', 'Eingegangen'), ('accepted', 'Zugesagt'), ('declined', 'Abgesagt'), ('withdrawn', 'Zurückgezogen'), ('expired', 'Geschlossen')], max_length=10),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="to_status",
            field=models.CharField(choices=[('requested', 'Eingegangen'), ('accepted', 'Zugesagt'), ('declined', 'Abgesagt'), ('withdrawn', 'Zurückgezogen'), ('expired', 'Geschlossen')], max_length=10),
        ),
        # Backwards the two fields simply go; nothing else depends on them.
        migrations.RunPython(record_last_activity, migrations.RunPython.noop),
    ]
