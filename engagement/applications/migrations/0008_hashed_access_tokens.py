"""Links into an application (status link, confirmation) keep only a hash of their token.

Forwards: each application's existing status token becomes an AccessToken holding its SHA-256 hash, so
every status link already mailed keeps working; then the plain token column goes. Confirmation links
mailed before were signed values naming the status token (or the id); `services.applying.confirm`
still accepts them for their 7 days.

Backwards is possible but not lossless: a hash cannot be turned back into its token, so every
application gets a new random token in the old column, and status links mailed before no longer open.
"""

import hashlib
import secrets

import django.db.models.deletion
from django.db import migrations, models



def hash_existing_tokens(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    AccessToken = apps.get_model("applications", "AccessToken")
    tokens = (
        AccessToken(
            application_id=pk,
            purpose="status",
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
        )
        for pk, token in Application.objects.exclude(access_token=None).values_list("pk", "access_token").iterator()
    )
    batch = []
    for token in tokens:
        batch.append(token)
        if len(batch) == 1000:
            AccessToken.objects.bulk_create(batch)
            batch = []
    AccessToken.objects.bulk_create(batch)


def give_new_plain_tokens(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    for application in Application.objects.only("pk").iterator():
        Application.objects.filter(pk=application.pk).update(access_token=secrets.token_urlsafe(32))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_inactive_applications_close"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "purpose",
                    models.CharField(choices=[("status", "Status-Link"), ("confirm", "Bestätigung")], max_length=10),
                ),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "application",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tokens",
                        to="applications.application",
                    ),
                ),
            ],
            options={
                "verbose_name": "Zugangs-Token",
                "verbose_name_plural": "Zugangs-Tokens",
            },
        ),
        # Nullable without a default first, so that going backwards re-adds the column empty and fills it
        # one row at a time (a default would give every row the same value against the unique index).
        migrations.AlterField(
            model_name="application",
            name="access_token",
            field=models.CharField(editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(hash_existing_tokens, give_new_plain_tokens),
        migrations.RemoveField(
            model_name="application",
            name="access_token",
        ),
    ]
