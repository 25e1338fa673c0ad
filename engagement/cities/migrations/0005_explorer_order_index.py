"""An index for the admin explorer's default order, newest revision first (`cities/admin_explorer.py`).

Wagtail lists a page's children by `latest_revision_created_at DESC NULLS LAST` and has no index on it:
each view of a city section sorted all its 33 000 offers to show 50. With this index the explorer reads
the first rows in order and stops. It is on Wagtail's page table, so the model does not declare it and
`makemigrations` stays quiet about it.
"""

from django.db import migrations

NAME = "page_latest_revision_created"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # the embedded default's SQLite has no NULLS LAST in an index, and no 100 000 offers
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page ("latest_revision_created_at" DESC NULLS LAST)'
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0004_area_postcodes_and_review_days"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
