import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Take over the Freshness table from the dashboard app (dashboard 0002), then give it this app's name."""

    dependencies = [
        ("opportunities", "0008_category_ids"),
        ("dashboard", "0002_move_freshness_to_opportunities"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Freshness",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("confirmed_at", models.DateTimeField(blank=True, null=True, verbose_name="Zuletzt bestätigt")),
                        ("reminded_at", models.DateTimeField(blank=True, null=True, verbose_name="Erinnert am")),
                        ("taken_offline_at", models.DateTimeField(blank=True, null=True, verbose_name="Automatisch offline genommen am")),
                        ("offline_revision", models.ForeignKey(blank=True, help_text="Die Fassung, die online war, als das Angebot offline genommen wurde.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.revision")),
                        ("page", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="freshness", to="opportunities.opportunitypage")),
                    ],
                    options={
                        "verbose_name": "Aktualität",
                        "verbose_name_plural": "Aktualität",
                        "db_table": "dashboard_freshness",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="freshness", table=None),
    ]
