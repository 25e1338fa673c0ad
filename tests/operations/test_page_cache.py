"""The page cache (engagement/operations/pagecache.py): what an anonymous visitor asks for again costs no
database query, and nothing personal, nothing preview-only and no other visitor's form token is ever
served from it. Hosts and languages never mix; a stopped Redis still serves pages."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from engagement.applications.models import AccessToken, Application
from engagement.legal.models import LegalPage
from engagement.operations import pagecache
from tests.factories import MembershipFactory, UserFactory, make_city, make_opportunity

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def get(client, path, **extra):
    """The response and the number of queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return response, len(queries)


@pytest.fixture
def offer(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim")


def public_addresses(offer):
    bretten = offer.city
    statement = LegalPage.objects.descendant_of(bretten).get(kind=LegalPage.Kind.ACCESSIBILITY)
    imprint = LegalPage.objects.live().exclude(kind=LegalPage.Kind.ACCESSIBILITY).first()
    return {
        "home": "/",
        "city page": "/bretten/",
        "city page, second page": "/bretten/?page=2",
        "opportunity page": offer.url,
        "organisation profile": f"/organisationen/{offer.organisation.slug}/",
        "legal page": imprint.url,
        "accessibility statement with its form": statement.url,
        "search": "/suche/?q=Vorlesen",
        "section search": "/bretten/suche/?q=Vorlesen",
        "API list": "/api/v2/opportunities/?q=Vorlesen",
        "API detail": f"/api/v2/opportunities/{offer.pk}/",
        "English city page": "/en/bretten/",
    }


def test_every_public_page_type_is_answered_from_the_cache_without_a_query(client, offer):
    for name, path in public_addresses(offer).items():
        first, queries = get(client, path)
        assert first.status_code == 200, name
        assert queries > 0, name
        again, queries = get(Client(), path)  # another anonymous visitor, no cookie
        assert queries == 0, name
        assert again.status_code == 200, name
        assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode()), name


def test_a_public_page_tells_proxies_they_may_keep_it_for_a_short_while(client, offer, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 45
    for response in (client.get("/bretten/"), client.get("/bretten/")):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=45"}
        assert "csrftoken" not in response.cookies


def test_a_page_with_a_form_gives_each_visitor_their_own_token_and_is_private(offer):
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = first_visitor.get(offer.url)
    second, queries = get(second_visitor, offer.url)
    assert queries == 0
    assert TOKEN.search(first.content.decode())
    (token,) = set(TOKEN.findall(second.content.decode()))
    assert token not in first.content.decode()
    assert "csrftoken" in second.cookies
    assert "private" in second["Cache-Control"] and "public" not in second["Cache-Control"]

    response = second_visitor.post(
        f"/bewerben/{offer.pk}/",
        {
            "name": "Mia Kraus",
            "email": "mia@example.org",
            "message": "Ich lese gern vor.",
            "consent": "on",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code in (200, 302)
    assert Application.objects.filter(opportunity=offer, email="mia@example.org").exists()


def test_a_logged_in_verein_member_is_never_served_nor_stored(client, offer, verein_bretten):
    member = MembershipFactory(organisation=verein_bretten, user=UserFactory()).user
    member_client = Client()
    member_client.force_login(member)
    response, queries = get(member_client, "/bretten/")
    assert queries > 0
    assert "private" in response["Cache-Control"]
    response, queries = get(member_client, "/bretten/")
    assert queries > 0  # not from the cache, though the page is the same
    _, queries = get(client, "/bretten/")
    assert queries > 0  # the member's answer was not stored for anyone

    client.get(offer.url)  # an anonymous visitor's answer is stored …
    _, queries = get(member_client, offer.url)
    assert queries > 0  # … and never served to someone with a session


def test_a_city_editors_preview_never_reaches_the_cache(client, offer, bretten):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Redaktion Bretten"))
    offer.title = "Entwurf: Vorlesen am Abend"
    revision = offer.save_revision(user=editor)
    editor_client = Client()
    editor_client.force_login(editor)
    preview = editor_client.get(reverse("wagtailadmin_pages:revisions_view", args=[offer.pk, revision.pk]))
    assert "Entwurf: Vorlesen am Abend" in preview.content.decode()
    for _ in range(2):
        html = client.get(offer.url).content.decode()
        assert "Entwurf: Vorlesen am Abend" not in html
        assert "Vorlesen im Seniorenheim" in html


def test_personal_pages_and_form_errors_are_never_stored(client, offer, mailoutbox):
    # A form error: the answer to a POST, sent privately and never stored for the next visitor.
    response = client.post(f"/bewerben/{offer.pk}/", {"name": "", "email": "kein-at-zeichen"})
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    html = Client().get(offer.url).content.decode()
    assert "kein-at-zeichen" not in html

    # A status page: reached without an account, by its private token, and never kept.
    application = Application.objects.create(
        opportunity=offer,
        name="Mia Kraus",
        email="mia@example.org",
        message="Gern.",
        consent_given_at=timezone.now(),
    )
    status = f"/bewerbung/{AccessToken.issue(application, AccessToken.Purpose.STATUS)}/"
    first, _ = get(client, status)
    assert first.status_code == 200 and "no-store" in first["Cache-Control"]
    _, queries = get(Client(), status)
    assert queries > 0


def test_hosts_schemes_and_languages_never_mix(client, settings, offer):
    settings.CITY_HOSTS = {"bretten": "engagement.bretten.localhost"}
    cache.clear()  # Wagtail caches the site root paths
    make_city("bretten")  # its own site for the host
    portal = client.get("/").content.decode()
    city_host = client.get("/", HTTP_HOST="engagement.bretten.localhost").content.decode()
    assert portal != city_host
    assert "Engagement vernetzt Bretten" in city_host
    assert client.get("/").content.decode() == portal
    assert client.get("/", HTTP_HOST="engagement.bretten.localhost").content.decode() == city_host

    english = client.get("/en/bretten/")
    german = client.get("/bretten/")
    assert english["Content-Language"] == "en" and german["Content-Language"] == "de"
    assert client.get("/en/bretten/")["Content-Language"] == "en"
    assert client.get("/bretten/")["Content-Language"] == "de"

    plain = client.get("/bretten/")
    _, queries = get(client, "/bretten/", secure=True)
    assert queries > 0  # https is its own entry (absolute links follow the scheme)
    assert plain.status_code == 200

    client.get("/suche/?q=Vorlesen")
    _, queries = get(client, "/suche/?q=Garten")
    assert queries > 0  # another query string, another page


def test_a_request_with_a_session_or_messages_cookie_is_answered_fresh(client, offer):
    client.get("/bretten/")
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "x"
        _, queries = get(visitor, "/bretten/")
        assert queries > 0, cookie


def test_a_page_that_is_not_found_is_not_stored(client, offer):
    client.get("/bretten/gibt-es-nicht/")
    response, queries = get(client, "/bretten/gibt-es-nicht/")
    assert response.status_code == 404 and queries > 0


def test_a_stopped_redis_still_serves_pages(redis_for_cache_and_broker, offer):
    client = Client()
    client.get("/bretten/")
    assert get(client, "/bretten/")[1] == 0  # stored in Redis
    redis_for_cache_and_broker.stop()

    for _ in range(2):
        response, queries = get(client, "/bretten/")
        assert response.status_code == 200 and queries > 0  # rendered: no local copy others can't see
    offer.title = "Vorlesen am Nachmittag"
    offer.save()
    assert "Vorlesen am Nachmittag" in client.get("/bretten/").content.decode()

    redis_for_cache_and_broker.start()
    time.sleep(1.1)  # FALLBACK_SECONDS in the fixture
    assert "Vorlesen am Nachmittag" in client.get("/bretten/").content.decode()
    assert get(client, "/bretten/")[1] == 0


def test_a_change_made_while_redis_was_unreachable_counts_when_it_answers_again(
    redis_for_cache_and_broker, offer
):
    """Redis kept its copy of the page (a network blip, not a restart): the change made meanwhile, which
    could not be written to it, is written when it answers again."""
    client = Client()
    client.get("/bretten/")
    assert get(client, "/bretten/")[1] == 0
    pagecache.page_cache()._circuit.trip(1, RedisConnectionError("blip"))

    offer.title = "Vorlesen am Nachmittag"
    offer.save()
    assert "Vorlesen am Nachmittag" in client.get("/bretten/").content.decode()

    time.sleep(1.1)  # FALLBACK_SECONDS in the fixture: Redis is asked again
    assert "Vorlesen am Nachmittag" in client.get("/bretten/").content.decode()


class ForgetfulClock:
    """The page cache's store, losing the clock (and what it dated) the moment it is written, as a
    Redis under memory pressure may evict it or an operator may empty it between two calls."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def get(self, key, *args, **kwargs):
        return None if key == pagecache.CLOCK_KEY else self.store.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        return {
            key: value
            for key, value in self.store.get_many(keys, *args, **kwargs).items()
            if key != pagecache.CLOCK_KEY
        }

    def incr(self, key, *args, **kwargs):
        if key == pagecache.CLOCK_KEY:
            raise ValueError("Key not found")
        return self.store.incr(key, *args, **kwargs)


def test_a_clock_lost_between_two_calls_never_breaks_a_page_nor_serves_a_stale_one(
    client, offer, monkeypatch
):
    forgetful = ForgetfulClock(pagecache.page_cache())
    monkeypatch.setattr(pagecache, "page_cache", lambda: forgetful)

    first, _ = get(client, "/bretten/")
    again, _ = get(Client(), "/bretten/")  # before the fix: a stored page dated None, then a 500
    offer.title = "Vorlesen im Seniorenheim am Abend"
    offer.save_revision().publish()  # the invalidation's tick also finds no clock
    after, _ = get(Client(), "/bretten/")

    assert (first.status_code, again.status_code, after.status_code) == (200, 200, 200)
    assert "Vorlesen im Seniorenheim am Abend" in after.content.decode()
