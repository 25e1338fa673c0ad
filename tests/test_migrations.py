import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from engagement.opportunities.models import Freshness
from tests.factories import make_opportunity


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """A model change without its migration fails the suite (rule 9 of STYLE.md)."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_freshness_rows_survive_the_move_from_dashboard_to_opportunities(verein_bretten):
    """Freshness moved apps (dashboard 0002, opportunities 0009): the table is taken over, not rebuilt."""
    page = make_opportunity(organisation=verein_bretten)
    confirmed = timezone.now() - dt.timedelta(days=3)
    executor = MigrationExecutor(connection)
    executor.migrate([("opportunities", "0008_category_ids"), ("dashboard", "0001_initial")])
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dashboard_freshness (page_id, confirmed_at) VALUES (%s, %s)", [page.pk, confirmed]
        )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Freshness.objects.get(page=page).confirmed_at == confirmed
    assert "dashboard_freshness" not in connection.introspection.table_names()
