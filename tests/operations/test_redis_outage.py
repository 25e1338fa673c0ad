"""Redis away (cache and broker together, as production configures them): nothing falls over.

The test's own Redis is stopped while a citizen browses, searches, uses the API and applies through
the web form; an organisation publishes. When Redis returns, the periodic sweeps (run by a real
worker, as beat would enqueue them) send the mail once and fill in the coordinates.
"""

import logging
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core.cache import cache

from engagement import celery_app
from engagement.applications.models import Application
from engagement.mail.models import OutgoingMail
from engagement.mail.tasks import send_unsent_mail
from engagement.opportunities.models import OpportunityPage
from engagement.opportunities.tasks import geocode_pending_opportunities
from engagement.ratelimit import LIMITS, RateLimited, hit
from tests.applications.conftest import DATA
from tests.factories import OrganisationFactory, make_city, make_opportunity
from tests.services import forget_broker_connections, wait_for


def test_the_cache_answers_from_local_memory_while_redis_is_away(redis_for_cache_and_broker):
    cache.set("facets", {"bretten": 3})
    assert cache.get("facets") == {"bretten": 3}
    redis_for_cache_and_broker.stop()

    started = time.monotonic()
    assert cache.get("facets") is None  # Redis's value is out of reach: computed again, not an error
    cache.set("facets", {"bretten": 4})
    assert cache.get("facets") == {"bretten": 4}
    assert cache.add("once", 1) and not cache.add("once", 1)
    assert time.monotonic() - started < 1.5  # one short socket timeout, then the circuit stays open

    redis_for_cache_and_broker.start()
    time.sleep(1.1)  # FALLBACK_SECONDS in the fixture
    assert cache.get("facets") is None  # Redis again (it came back empty), not the local copy
    cache.set("facets", {"bretten": 5})
    assert cache.get("facets") == {"bretten": 5}


def test_rate_limits_still_hold_while_redis_is_away(redis_for_cache_and_broker):
    redis_for_cache_and_broker.stop()
    for _ in range(LIMITS["apply-email"].attempts):
        hit("apply-email", "mia@example.org")
    with pytest.raises(RateLimited):
        hit("apply-email", "mia@example.org")


def answered(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_site_search_api_and_application_form_work_without_redis_and_catch_up_after(
    client, redis_for_cache_and_broker, settings, mailoutbox, caplog
):
    city = make_city("bretten")
    verein = OrganisationFactory(name="Tafel Bretten e. V.", home_city=city)
    page = make_opportunity(organisation=verein, title="Lesepat:in gesucht")
    celery_app.control.purge()  # its geocoding task is not what this test counts

    redis_for_cache_and_broker.stop()
    forget_broker_connections()
    caplog.set_level(logging.WARNING, logger="engagement.operations.publishing")
    started = time.monotonic()
    assert "Lesepat:in gesucht" in answered(client, "/")
    assert "Lesepat:in gesucht" in answered(client, "/bretten/")
    assert "Lesepat:in gesucht" in answered(client, "/suche/", q="Lesepat")
    assert "Lesepat:in gesucht" in answered(client, "/api/v2/opportunities/", q="Lesepat")
    assert 'name="consent"' in answered(client, page.url)
    response = client.post(f"/bewerben/{page.pk}/", DATA)
    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    # The organisation publishes a new offer meanwhile: it goes online, its geocoding waits.
    second = make_opportunity(organisation=verein, title="Fahrdienst", postcode="75015", place="Bretten")
    seconds = time.monotonic() - started

    assert OpportunityPage.objects.get(pk=second.pk).live and second.latitude is None
    assert Application.objects.count() == 1
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 1 and not mailoutbox
    assert "nicht eingereiht (Broker nicht erreichbar)" in caplog.text
    assert seconds < 10, seconds  # slower than with Redis, never a hang

    redis_for_cache_and_broker.start()
    forget_broker_connections()
    settings.MAIL_SWEEP_GRACE_SECONDS = 0
    send_unsent_mail.delay()
    geocode_pending_opportunities.delay()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        assert wait_for(lambda: not OutgoingMail.objects.filter(sent_at__isnull=True).exists())
        assert wait_for(lambda: OpportunityPage.objects.get(pk=second.pk).latitude is not None)
        send_unsent_mail.delay()  # the next sweep finds nothing to send again
        time.sleep(1.5)
    assert [mail.subject for mail in mailoutbox] == ["Bitte bestätigen Sie Ihre Bewerbung"]
    assert Application.objects.count() == 1
