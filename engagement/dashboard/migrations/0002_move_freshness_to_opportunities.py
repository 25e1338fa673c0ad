from django.db import migrations


class Migration(migrations.Migration):
    """Freshness belongs to the opportunity's lifecycle and moves to the opportunities app.

    Only the migration state forgets it here; the table stays and is taken over (and renamed) by
    opportunities 0009, so no row is lost.
    """

    dependencies = [
        ("dashboard", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Freshness")],
            database_operations=[],
        ),
    ]
