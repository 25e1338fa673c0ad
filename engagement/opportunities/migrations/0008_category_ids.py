"""`category_ids` on opportunities: the ids of their categories as text ("3 6 11"), with a GIN index over
them as an integer array on PostgreSQL (the expression `fields.POSTGRES_ID_ARRAY`), so that the topic
filter joins the indexes of city, place and words in one bitmap instead of testing the link table row
by row. The backfill is one UPDATE on PostgreSQL and a loop elsewhere (SQLite, the embedded default).
"""

from django.db import migrations

import engagement.opportunities.fields
from engagement.opportunities.fields import POSTGRES_ID_ARRAY

NAME = "opportunity_category_ids"

BACKFILL = """
UPDATE opportunities_opportunitypage AS opportunity
SET category_ids = links.ids
FROM (
    SELECT opportunitypage_id, string_agg(category_id::text, ' ' ORDER BY category_id) AS ids
    FROM opportunities_opportunitypage_categories
    GROUP BY opportunitypage_id
) AS links
WHERE links.opportunitypage_id = opportunity.page_ptr_id
"""


def backfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKFILL)
        return
    OpportunityPage = apps.get_model("opportunities", "OpportunityPage")
    ids = {}
    for page_id, category_id in OpportunityPage.categories.through.objects.values_list(
        "opportunitypage_id", "category_id"
    ):
        ids.setdefault(page_id, []).append(category_id)
    for page_id, category_ids in ids.items():
        text = " ".join(str(pk) for pk in sorted(set(category_ids)))
        OpportunityPage.objects.filter(pk=page_id).update(category_ids=text)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        array = POSTGRES_ID_ARRAY.format(column='"category_ids"')
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON opportunities_opportunitypage USING gin (({array}))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0007_nearest_index")]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="category_ids",
            field=engagement.opportunities.fields.IdSetField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
