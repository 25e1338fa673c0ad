"""`search_text` on opportunities: title, teaser and category names in lower case, for the compound-word
match of the search (search/compounds.py), with a trigram GIN index on PostgreSQL.

The backfill is one ``UPDATE ... FROM`` on PostgreSQL (100 000 rows in seconds) and a loop elsewhere
(SQLite, the embedded default's sizes). Django's ``contains`` on PostgreSQL is ``search_text LIKE
'%word%'``; the index ``gin_trgm_ops`` on the plain column answers it. SQLite keeps scanning.
"""

from django.db import migrations, models

BACKFILL = """
UPDATE opportunities_opportunitypage AS opportunity
SET search_text = LOWER(concat_ws(E'\\n', page.title, opportunity.teaser, names.names))
FROM wagtailcore_page AS page
LEFT JOIN (
    SELECT link.opportunitypage_id, string_agg(category.name, E'\\n' ORDER BY link.id) AS names
    FROM opportunities_opportunitypage_categories AS link
    JOIN taxonomy_category AS category ON category.id = link.category_id
    GROUP BY link.opportunitypage_id
) AS names ON names.opportunitypage_id = page.id
WHERE page.id = opportunity.page_ptr_id
"""


def backfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKFILL)
        return
    OpportunityPage = apps.get_model("opportunities", "OpportunityPage")
    Link = OpportunityPage.categories.through
    names = {}
    for page_id, name in Link.objects.order_by("id").values_list("opportunitypage_id", "category__name"):
        names.setdefault(page_id, []).append(name)
    for page in OpportunityPage.objects.only("title", "teaser").iterator(chunk_size=500):
        text = "\n".join([page.title or "", page.teaser or "", *names.get(page.pk, [])]).lower()
        OpportunityPage.objects.filter(pk=page.pk).update(search_text=text)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS opportunity_search_text_trgm "
        "ON opportunities_opportunitypage USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS opportunity_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0005_image_alt"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
