"""Trigram indexes for the compound-word substring match of the search (see search/compounds.py).

Django's ``icontains`` on PostgreSQL is ``UPPER(col) LIKE UPPER('%word%')``; a GIN index with
``gin_trgm_ops`` on ``UPPER(col)`` answers it without a sequential scan. Only on PostgreSQL: SQLite has
neither pg_trgm nor expression GIN indexes and scans (fine for the embedded default's sizes).
"""

from django.db import migrations

INDEXES = [
    ("opportunity_title_trgm", "wagtailcore_page", "title"),
    ("opportunity_teaser_trgm", "opportunities_opportunitypage", "teaser"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
