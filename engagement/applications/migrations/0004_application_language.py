from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_waiting_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="language",
            field=models.CharField(default="de", max_length=8),
        ),
    ]
