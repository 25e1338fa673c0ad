"""The id an imported offer had at its source (engagement/exchange), unique where set: an import finds the
offer again by it and changes nothing the second time."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0012_facet_rows_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="source_id",
            field=models.CharField(
                blank=True, default="", editable=False, max_length=200, verbose_name="Quell-ID"
            ),
        ),
        migrations.AddConstraint(
            model_name="opportunitypage",
            constraint=models.UniqueConstraint(
                condition=~models.Q(source_id=""),
                fields=("source_id",),
                name="opportunity_unique_source_id",
            ),
        ),
    ]
