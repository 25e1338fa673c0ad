"""One renderer per stale page (engagement/operations/pagecache.py): when a popular page's time runs out,
the visitors who arrive while it is rendered anew get the page as it was instead of all rendering it at
once; a page that a change made stale is never answered from before."""

import threading
import time

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from engagement.operations import pagecache
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


class SlowPage:
    """A public page that takes a while to render and says how often it was rendered."""

    def __init__(self, seconds=0.3):
        self.seconds = seconds
        self.renders = 0
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
            number = self.renders
        time.sleep(self.seconds)
        return pagecache.cache_publicly(HttpResponse(f"Fassung {number}"), {"page:1"})


def entry_key(path):
    return pagecache._entry_key(RequestFactory().get(path))


def rendering_lock(path):
    return pagecache.RENDERING_PREFIX + entry_key(path)[len(pagecache.ENTRY_PREFIX) :]


def run_out_of_time(path):
    """The stored page's time ran out a moment ago; nothing it shows changed."""
    store = pagecache.page_cache()
    entry = store.get(entry_key(path))
    entry["expires_at"] = time.time() - 1
    store.set(entry_key(path), entry, 60)


def visit_at_once(middleware, path, visitors):
    answers = [None] * visitors

    def visit(index):
        answers[index] = middleware(RequestFactory().get(path)).content.decode()

    threads = [threading.Thread(target=visit, args=(index,)) for index in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_sixteen_visitors_of_a_page_whose_time_ran_out_cause_one_rendering():
    page = SlowPage()
    middleware = pagecache.PageCacheMiddleware(page)
    assert middleware(RequestFactory().get("/beliebt/")).content == b"Fassung 1"
    run_out_of_time("/beliebt/")

    answers = visit_at_once(middleware, "/beliebt/", 16)

    assert page.renders == 2  # once at first, once anew: not by each of the sixteen
    assert set(answers) <= {"Fassung 1", "Fassung 2"}
    assert "Fassung 1" in answers  # those who came while it was rendered got it as it was
    assert middleware(RequestFactory().get("/beliebt/")).content == b"Fassung 2"


def test_a_page_a_change_made_stale_is_waited_for_and_never_answered_from_before():
    page = SlowPage()
    middleware = pagecache.PageCacheMiddleware(page)
    middleware(RequestFactory().get("/beliebt/"))
    pagecache.invalidate_now({"page:1"})

    answers = visit_at_once(middleware, "/beliebt/", 8)

    assert "Fassung 1" not in answers
    assert page.renders == 2  # the others waited for the one rendering it
    assert set(answers) == {"Fassung 2"}


def test_visitors_who_wait_too_long_render_the_page_themselves(monkeypatch):
    monkeypatch.setattr(pagecache, "RENDER_WAIT_SECONDS", 0.05)
    page = SlowPage(seconds=0.5)
    middleware = pagecache.PageCacheMiddleware(page)
    middleware(RequestFactory().get("/beliebt/"))
    pagecache.invalidate_now({"page:1"})

    answers = visit_at_once(middleware, "/beliebt/", 3)

    assert page.renders == 4
    assert "Fassung 1" not in answers


def test_a_rendering_that_fails_leaves_the_next_visitor_free_to_render():
    calls = []

    def failing_once(request):
        calls.append(request)
        if len(calls) == 2:
            raise RuntimeError("Datenbank weg")
        return pagecache.cache_publicly(HttpResponse(f"Fassung {len(calls)}"), {"page:1"})

    middleware = pagecache.PageCacheMiddleware(failing_once)
    middleware(RequestFactory().get("/beliebt/"))
    run_out_of_time("/beliebt/")
    with pytest.raises(RuntimeError):
        middleware(RequestFactory().get("/beliebt/"))
    assert middleware(RequestFactory().get("/beliebt/")).content == b"Fassung 3"


def test_a_page_long_out_of_time_is_not_answered_from_before(monkeypatch):
    monkeypatch.setattr(pagecache, "RENDER_WAIT_SECONDS", 0.05)
    page = SlowPage(seconds=0)
    middleware = pagecache.PageCacheMiddleware(page)
    middleware(RequestFactory().get("/beliebt/"))
    store = pagecache.page_cache()
    entry = store.get(entry_key("/beliebt/"))
    entry["expires_at"] = time.time() - pagecache.STALE_SECONDS - 1
    store.set(entry_key("/beliebt/"), entry, 60)
    store.add(rendering_lock("/beliebt/"), True, 60)  # someone else renders it, for too long

    assert middleware(RequestFactory().get("/beliebt/")).content == b"Fassung 2"


def test_a_real_page_out_of_time_shows_what_it_showed_until_rendered_anew(verein_bretten):
    """Through the whole stack: while another request renders the city page anew, a visitor gets it as
    it was, without a query; afterwards the new rendering."""
    offer = make_opportunity(organisation=verein_bretten, title="Vorlesen im Seniorenheim")
    assert "Vorlesen im Seniorenheim" in Client().get("/bretten/").content.decode()
    run_out_of_time("/bretten/")
    # Changed without any signal (as a bulk update would): only the page's time says it is old.
    type(offer).objects.filter(pk=offer.pk).update(title="Lesepatenschaft")
    lock = rendering_lock("/bretten/")
    pagecache.page_cache().add(lock, True, 60)  # another request is rendering it anew
    assert "Vorlesen im Seniorenheim" in Client().get("/bretten/").content.decode()
    pagecache.page_cache().delete(lock)
    assert "Lesepatenschaft" in Client().get("/bretten/").content.decode()
