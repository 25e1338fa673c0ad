"""The read-replica router: public search and API read from "replica"; writes, transactions and
whatever follows a write read from the primary. "replica" is a mirror of the test database."""

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from engagement.operations.database import ReplicaRouter, _reads_from_replica
from engagement.opportunities.models import OpportunityPage
from tests.applications.conftest import DATA
from tests.factories import OrganisationFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def routed(settings):
    settings.DATABASE_ROUTERS = ["engagement.operations.database.ReplicaRouter"]
    city = make_city("bretten")
    return make_opportunity(organisation=OrganisationFactory(home_city=city), title="Lesepat:in")


def queries_per_database(client, method, path, data=None):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(path, data or {})
    return response, len(primary), len(replica)


def test_public_search_feed_and_api_read_from_the_replica(client, routed):
    for path in ("/suche/?q=Lesepat", "/suche/feed/?q=Lesepat", "/api/v2/opportunities/?q=Lesepat"):
        response, primary, replica = queries_per_database(client, "get", path)
        assert response.status_code == 200 and "Lesepat:in" in response.content.decode()
        assert replica > 0 and primary == 0, (path, primary, replica)
    response, primary, replica = queries_per_database(client, "get", f"/api/v2/opportunities/{routed.pk}/")
    assert response.status_code == 200 and replica > 0 and primary == 0


def test_every_other_page_and_every_write_use_the_primary(client, routed):
    for path in ("/", routed.url):
        response, primary, replica = queries_per_database(client, "get", path)
        assert response.status_code == 200 and primary > 0 and replica == 0, path
    response, primary, replica = queries_per_database(client, "post", f"/bewerben/{routed.pk}/", DATA)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert primary > 0 and replica == 0


def test_a_request_reads_its_own_writes_from_the_primary():
    router = ReplicaRouter()
    token = _reads_from_replica.set(True)
    try:
        assert router.db_for_read(OpportunityPage) == "replica"
        with transaction.atomic():
            assert router.db_for_read(OpportunityPage) == "default"  # inside a transaction
        assert router.db_for_write(OpportunityPage) == "default"
        assert router.db_for_read(OpportunityPage) == "default"  # after a write, for the rest of it
    finally:
        _reads_from_replica.reset(token)
    assert router.db_for_read(OpportunityPage) == "default"  # outside the listed views
    assert router.allow_migrate("replica", "opportunities") is False
