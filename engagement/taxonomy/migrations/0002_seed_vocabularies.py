from django.db import migrations


def seed(apps, schema_editor):
    from engagement.taxonomy.vocabulary import VOCABULARIES

    for model_name, terms in VOCABULARIES.items():
        model = apps.get_model("taxonomy", model_name)
        for position, (slug, name) in enumerate(terms):
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
