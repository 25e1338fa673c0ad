"""The single checkbox goes once its promise lives on as step-free access (0013). A migration of its own:
PostgreSQL alters no table in the transaction that has just updated its rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0014_inclusion_and_young_volunteers")]

    operations = [migrations.RemoveField(model_name="opportunitypage", name="barrier_free")]
