"""The documented backup (pg_dump) and restore command (scripts/restore_database.sh), run for real."""

import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from engagement.applications.models import Application
from tests.applications.conftest import DATA
from tests.factories import OrganisationFactory, make_city, make_opportunity

REPOSITORY = Path(__file__).resolve().parent.parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_dump_restores_into_a_new_database_with_every_row(client, tmp_path):
    verein = OrganisationFactory(home_city=make_city("bretten"))
    page = make_opportunity(organisation=verein, title="Lesepat:in")
    client.post(f"/bewerben/{page.pk}/", DATA)
    assert Application.objects.count() == 1
    source = f"{SERVER}/{connection.settings_dict['NAME']}"
    target_name = f"{connection.settings_dict['NAME']}_restore"
    dump = tmp_path / "engagement.dump"

    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", source], check=True)
    try:
        result = subprocess.run(
            ["bash", "scripts/restore_database.sh", str(dump), f"{SERVER}/{target_name}"],
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        with psycopg.connect(f"{SERVER}/{target_name}") as restored:
            applications = restored.execute("SELECT email FROM applications_application").fetchall()
            titles = restored.execute(
                "SELECT title FROM wagtailcore_page WHERE id = %s", [page.pk]
            ).fetchone()
        assert applications == [("mia@example.org",)] and titles == ("Lesepat:in",)
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
