import pytest
from django.db import transaction

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The three cities, built once per module inside a transaction that is rolled back afterwards.

    Tests that use it still take `db` (or `client`): each runs in a savepoint inside this transaction.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
