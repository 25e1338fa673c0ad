"""Documents in an existing city's collection become readable by its editors only (issue 14).

Running `manage.py setup_city` again (or `load_demo`) adds the city's public collection beside it.
"""

from django.db import migrations

GROUPS = "groups"


def restrict(apps, schema_editor):
    CityPage = apps.get_model("cities", "CityPage")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    for city in CityPage.objects.exclude(collection=None).exclude(editor_group=None):
        restriction = CollectionViewRestriction.objects.filter(
            collection_id=city.collection_id, restriction_type=GROUPS
        ).first() or CollectionViewRestriction.objects.create(
            collection_id=city.collection_id, restriction_type=GROUPS
        )
        restriction.groups.add(city.editor_group_id)


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0002_citypage_logo"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(restrict, migrations.RunPython.noop)]
