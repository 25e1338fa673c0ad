"""A GiST index that lists opportunities nearest first (see engagement/geo/nearest.py); PostgreSQL only.

The index expression is ``engagement.geo.nearest.SPHERE_POINT_SQL`` on the coordinate columns; the
queries must use the same expression to be served by it. Opportunities without coordinates (remote
ones, or not yet geocoded) are outside the index; a radius search never lists them.
"""

from django.db import migrations

from engagement.geo.nearest import SPHERE_POINT_SQL

NAME = "opportunity_nearest"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS cube")
    point = SPHERE_POINT_SQL.format(lat='"latitude"', lng='"longitude"')
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON opportunities_opportunitypage USING gist (({point})) "
        'WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL'
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0006_search_text")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
