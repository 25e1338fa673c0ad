"""Indexes for the search (see search/results.py and benchmarks/README.md); indexes only, no fields.

- ``search_entry_document``: Wagtail's PostgreSQL backend matches ``title || body`` of its index table
  against the query, and nothing indexed that expression, so every word search read the whole index
  table. A GIN index on exactly that expression (PostgreSQL only) serves the match.
- ``opportunity_event_start`` and ``opportunity_deadline``: the orders "Termin" and "Bewerbungsschluss"
  read the first rows of an index instead of sorting every filtered row.

The latitude/longitude index of the bounding box is part of 0001. The model does not declare these
indexes (one is on Wagtail's table, the others are plain btree indexes kept beside it), so
``makemigrations`` stays quiet about them.
"""

from django.db import migrations

PORTABLE_INDEXES = [
    ("opportunity_event_start", "opportunities_opportunitypage", "event_start"),
    ("opportunity_deadline", "opportunities_opportunitypage", "application_deadline"),
]


def create(apps, schema_editor):
    for name, table, column in PORTABLE_INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS {name} ON {table} ("{column}")')
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_document "
            'ON wagtailsearch_indexentry USING gin (("title" || "body"))'
        )


def drop(apps, schema_editor):
    for name, _table, _column in PORTABLE_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_document")


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0003_waiting_list"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
