"""The page cache: a public page that an anonymous visitor asks for again costs no database query.

Django's cache framework (`cache_page`, the cache middleware) stores whole responses but knows of
no event that makes one stale except its timeout; wagtail-cache 3.0 requires Wagtail < 8 and drops
everything (or whole URL patterns) on every publish. What the public pages need is in between, so
this is a small keyed layer over Django's cache (Redis in production, docs/deployment.md):

- **Opt-in.** Only a response a view marks with `cache_publicly(response, tags)` is stored: the
  pages of the portal, the cities, the offers, the organisation profiles, the legal pages, the
  search and the JSON API. Everything else passes untouched.
- **Anonymous GETs only.** A request with a session or messages cookie, an Authorization header, or
  another method than GET/HEAD is never answered from the cache and never stored: logged-in people,
  form posts and Wagtail's previews (they run in the admin's session) always see the live answer.
  A response that sets any cookie but the CSRF cookie is not stored either.
- **Exact invalidation by tags.** A marked response names what it shows ("page:12",
  "offers:city:5", …). `invalidate(tags)` after a commit makes every stored response that names one
  of them stale. A logical clock (`pagecache:clock`, raised by each invalidation) orders the two:
  a response counts only if it was *started* after the last invalidation of each of its tags, so a
  page rendered from the old data while the change commits is never kept.
- **Bounded lifetime.** `PAGE_CACHE_SECONDS` at most, and never past the `expires_at` the view gives
  (the next local midnight, when deadlines pass, or the next moment an offer stops being listed).
- **One renderer per page.** When a stored page is stale, the first request renders it anew (a short
  lock per address); the others do not all render the same page at once. (An address with nothing
  stored takes no lock: most such requests are for pages that are never kept.) A page whose time ran
  out (but nothing it shows changed) is answered as it was while that one request renders it anew, for
  `STALE_SECONDS` past its time at most; a page that a change made stale is never answered again: the
  others wait for the new one (`RENDER_WAIT_SECONDS` at most, then render it themselves).
- **No query on a hit.** The middleware sits above sessions, authentication, locale and CSRF: a hit
  is two cache reads (the response with the clock, its tags' versions) and nothing else runs.
- **Forms keep their own token.** A page with a form (the application form, "Barriere melden")
  is stored with a placeholder where the visitor's CSRF token was; each hit gets the token of *its*
  visitor (Django's own CSRF middleware sets the cookie), and is sent `private` so that no shared
  proxy keeps it.
- **Cache-Control for proxies.** A stored page goes out `public, max-age=0, s-maxage=…` (at most
  `PAGE_CACHE_PROXY_SECONDS`): a reverse proxy or CDN may keep it that long. Marked pages that were
  not cacheable for this request (someone with a session, e.g. logged in) and every other response to
  a request with a session cookie, and every POST answer, without a Cache-Control of their own go out
  `private, no-store` (and so uncompressed, operations/compression.py).
- **Redis away.** While the resilient cache answers from its local fallback (operations/cache.py),
  the page cache stands aside: pages are rendered (correct, slower); invalidations made meanwhile are
  remembered and written to Redis as soon as it answers again.
"""

import datetime as dt
import hashlib
import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CLOCK_KEY = "pagecache:clock"
TAG_PREFIX = "pagecache:tag:"
ENTRY_PREFIX = "pagecache:page:"
RENDERING_PREFIX = "pagecache:rendering:"
# A page whose time ran out is answered as it was while one request renders it anew, this long at most.
STALE_SECONDS = 30
# The lock of the one request rendering an address expires after this (a worker that died holding it).
RENDER_LOCK_SECONDS = 10
# How long the others wait for a page a change made stale before they render it themselves, and how often
# they look.
RENDER_WAIT_SECONDS = 2.0
RENDER_POLL_SECONDS = 0.02
SITE = "site"  # what every page shows: navigation (the cities), taxonomy, each city's theme

TOKEN_PLACEHOLDER = b"\x00pagecache-csrf-token\x00"
_TOKEN_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
_MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
# Headers a lower middleware writes for one request; the cache computes them per hit.
_PER_RESPONSE_HEADERS = {"content-length", "set-cookie", "cache-control", "content-encoding"}
_VARY_WE_HANDLE = {"cookie", "accept-language", "accept-encoding"}


FRESH, OUT_OF_TIME, STALE = "fresh", "out of time", "stale"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def page_tag(page_id: int) -> str:
    return f"page:{page_id}"


# --- Marking ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    tags: frozenset
    expires_at: float | None  # unix time


def cache_publicly(response, tags, expires_at=None):
    """Let the page cache keep `response` for anonymous visitors until one of `tags` changes or
    `expires_at` (an aware datetime) passes. Returns the response."""
    response._page_cache_mark = Mark(
        frozenset(tags), expires_at.timestamp() if expires_at is not None else None
    )
    return response


def shows(request, tags, expires_at=None):
    """Called while a marked page renders (a template tag, a list builder): the page also shows `tags`
    and changes by itself at `expires_at`. Without a request (a mail, a feed) it does nothing."""
    if request is None:
        return
    shown = request.__dict__.setdefault("_page_cache_shows", {"tags": set(), "expires_at": None})
    shown["tags"].update(tags)
    if expires_at is not None:
        moment = expires_at.timestamp()
        shown["expires_at"] = moment if shown["expires_at"] is None else min(shown["expires_at"], moment)


def next_local_midnight(now=None):
    """When dates change in Europe/Berlin: deadlines and periods end, "today" moves on."""
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(tomorrow, dt.time.min))


# --- Invalidation -----------------------------------------------------------------------------------

_pending_lock = threading.Lock()
_pending_tags: set[str] = set()  # invalidations made while Redis was away, to be written when it is back


def _redis_away(cache) -> bool:
    return getattr(cache, "redis_available", True) is False


def _tick(cache) -> int:
    for _attempt in range(3):
        try:
            return cache.incr(CLOCK_KEY)
        except ValueError:  # not set yet, or evicted: start above every value handed out before
            cache.add(CLOCK_KEY, int(time.time() * 1000), None)
    # Gone again at once (evicted, or the cache emptied meanwhile): a value above all handed out.
    return int(time.time() * 1000) + 1


def _now(cache) -> int:
    value = cache.get(CLOCK_KEY)
    if value is None:
        start = int(time.time() * 1000)
        cache.add(CLOCK_KEY, start, None)
        value = cache.get(CLOCK_KEY)
        if value is None:  # gone again at once (evicted, or the cache emptied meanwhile)
            value = start
    return value


def invalidate_now(tags):
    """Make every stored page that names one of `tags` stale (call it after the change committed)."""
    cache = page_cache()
    with _pending_lock:
        tags = set(tags) | _pending_tags
        _pending_tags.clear()
    if not tags:
        return
    if not _redis_away(cache):
        clock = _tick(cache)
        cache.set_many({TAG_PREFIX + tag: clock for tag in tags}, None)
        if not _redis_away(cache):
            return
    with _pending_lock:
        _pending_tags.update(tags)


def invalidate(tags):
    """As `invalidate_now`: at once, and again once the current transaction commits. A page rendered
    in between (from the data before the commit) started after the first and so falls to the second."""
    tags = frozenset(tags)
    invalidate_now(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: invalidate_now(tags))


def _write_pending(cache):
    if _pending_tags and not _redis_away(cache):
        invalidate_now(())


# --- The middleware ---------------------------------------------------------------------------------


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and _MESSAGES_COOKIE not in cookies


def _entry_key(request) -> str:
    variant = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return ENTRY_PREFIX + hashlib.sha256(variant.encode()).hexdigest()


def _cache_control(response) -> set[str]:
    return {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
        if directive.strip()
    }


class PageCacheMiddleware:
    """Answers marked public pages from the cache; stores them after the view. Placed above the
    session, locale, CSRF and authentication middleware (a hit runs none of them) and below the
    security headers and compression (which a hit gets like any response)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        cache = page_cache()
        cacheable = _cacheable_request(request) and settings.PAGE_CACHE_SECONDS > 0 and not _redis_away(cache)
        if not cacheable:
            return self._not_stored(request, self.get_response(request))
        _write_pending(cache)
        key = _entry_key(request)
        # One round trip: the stored answer, and the clock to date a new one by if there is none.
        found = cache.get_many([key, CLOCK_KEY])
        entry = found.get(key)
        state = self._state(cache, entry)
        if state == FRESH:
            return self._answer(request, entry)
        started = found.get(CLOCK_KEY) or _now(cache)
        if entry is None:  # nothing stored for this address (or it may not be kept): no lock to take
            return self._render(request, cache, key, started)
        lock = RENDERING_PREFIX + key[len(ENTRY_PREFIX) :]
        if not cache.add(lock, True, RENDER_LOCK_SECONDS):
            # Another request renders this address right now.
            if state == OUT_OF_TIME:
                return self._answer(request, entry)
            entry = self._wait_for(cache, key, lock)
            if entry is not None:
                return self._answer(request, entry)
            return self._render(request, cache, key, _now(cache))
        try:
            return self._render(request, cache, key, started)
        finally:
            cache.delete(lock)

    def _render(self, request, cache, key, started):
        response = self.get_response(request)
        mark = getattr(response, "_page_cache_mark", None)
        if mark is None:
            return self._not_stored(request, response)
        shown = getattr(request, "_page_cache_shows", None)
        if shown is not None:
            expiries = [moment for moment in (mark.expires_at, shown["expires_at"]) if moment is not None]
            mark = Mark(mark.tags | shown["tags"], min(expiries, default=None))
        stored = self._store(cache, key, started, mark, request, response)
        if not stored or stored["csrf"]:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=0, s_maxage=self._proxy_seconds(stored))
        return response

    # -- hits

    @staticmethod
    def _state(cache, entry) -> str:
        """FRESH; OUT_OF_TIME (nothing it shows changed, but its time ran out less than STALE_SECONDS
        ago); or STALE (missing, changed, or out of time for longer)."""
        if entry is None:
            return STALE
        now = time.time()
        if entry["expires_at"] <= now - STALE_SECONDS:
            return STALE
        versions = cache.get_many([TAG_PREFIX + tag for tag in entry["tags"]])
        if len(versions) != len(entry["tags"]) or not isinstance(entry["started"], int):
            return STALE  # a tag's version was evicted: what it saw cannot be vouched for
        if not all(isinstance(version, int) and version <= entry["started"] for version in versions.values()):
            return STALE
        return FRESH if entry["expires_at"] > now else OUT_OF_TIME

    def _wait_for(self, cache, key, lock):
        """The page another request is rendering, once it is stored; None if that takes longer than
        RENDER_WAIT_SECONDS or the other request ends without storing it (not cacheable, an error)."""
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            found = cache.get_many([key, lock])
            if self._state(cache, found.get(key)) == FRESH:
                return found[key]
            if lock not in found:
                return None
        return None

    def _answer(self, request, entry):
        content = entry["content"]
        gzipped = entry["gzip"] is not None and _ACCEPTS_GZIP.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        if gzipped:
            content = entry["gzip"]
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if entry.get("csp_replace"):
            response._csp_replace = entry["csp_replace"]
        if gzipped:
            response["Content-Encoding"] = "gzip"
            patch_vary_headers(response, ("Accept-Encoding",))
        if entry["csrf"]:
            # This visitor's own token, set as Django's CSRF middleware would for a rendered form.
            self.csrf.process_request(request)
            response.content = content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
            self.csrf.process_response(request, response)
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=0, s_maxage=self._proxy_seconds(entry))
        response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def _proxy_seconds(entry) -> int:
        return max(0, min(settings.PAGE_CACHE_PROXY_SECONDS, int(entry["expires_at"] - time.time())))

    # -- misses

    def _store(self, cache, key, started, mark, request, response):
        if response.status_code != 200 or getattr(request, "is_preview", False):
            return None
        if _cache_control(response) & {"private", "no-store", "no-cache"}:
            return None
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return None
        vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
        if vary - _VARY_WE_HANDLE:
            return None
        if response.has_header("Content-Encoding"):
            return None
        if response.streaming:
            if settings.CSRF_COOKIE_NAME in response.cookies:
                return None
            return self._store_when_streamed(cache, key, started, mark, response)
        content, tokens = _TOKEN_INPUT.subn(rb"\1" + TOKEN_PLACEHOLDER + rb"\2", response.content)
        if b"csrfmiddlewaretoken" in _TOKEN_INPUT.sub(b"", content):
            return None  # a token somewhere we did not put the placeholder: never share it
        if tokens == 0 and settings.CSRF_COOKIE_NAME in response.cookies:
            return None
        expires_at = self._expires_at(mark)
        if expires_at is None:
            return None
        return self._write(cache, key, started, mark, response, content, tokens, expires_at)

    @staticmethod
    def _expires_at(mark):
        now = time.time()
        expires_at = now + settings.PAGE_CACHE_SECONDS
        if mark.expires_at is not None:
            expires_at = min(expires_at, mark.expires_at)
        return None if expires_at - now < 1 else expires_at

    def _store_when_streamed(self, cache, key, started, mark, response):
        """A streamed answer (a large export) goes out chunk by chunk as before; a copy of the chunks is
        stored once the stream has ended, if it stayed within PAGE_CACHE_MAX_STREAMED_BYTES. Streams
        carry no form, so no CSRF token; one that holds a token anyway is not kept."""
        expires_at = self._expires_at(mark)
        if expires_at is None:
            return None
        limit = settings.PAGE_CACHE_MAX_STREAMED_BYTES
        chunks = response.streaming_content

        def tee():
            kept, size = [], 0
            for chunk in chunks:
                if kept is not None:
                    size += len(chunk)
                    if size <= limit:
                        kept.append(chunk)
                    else:
                        kept = None  # too large to keep: it streams, and is read again next time
                yield chunk
            if kept is not None:
                content = b"".join(kept)
                if b"csrfmiddlewaretoken" not in content and time.time() < expires_at:
                    self._write(cache, key, started, mark, response, content, 0, expires_at)

        response.streaming_content = tee()
        return {"csrf": False, "expires_at": expires_at}

    @staticmethod
    def _write(cache, key, started, mark, response, content, tokens, expires_at):
        now = time.time()
        versions = cache.get_many([TAG_PREFIX + tag for tag in mark.tags])
        for tag in mark.tags:
            if TAG_PREFIX + tag not in versions:
                cache.add(TAG_PREFIX + tag, started, None)
        entry = {
            "tags": sorted(mark.tags),
            "started": started,
            "expires_at": expires_at,
            "status": response.status_code,
            "headers": [
                (name, value) for name, value in response.items() if name.lower() not in _PER_RESPONSE_HEADERS
            ],
            "content": content,
            "gzip": compress_string(content, max_random_bytes=100)
            if tokens == 0 and len(content) > 200
            else None,
            "csrf": tokens > 0,
            # What django-csp (above this middleware) reads from the response: a page that may be framed
            # elsewhere (the widget) keeps its policy on every hit.
            "csp_replace": getattr(response, "_csp_replace", None),
        }
        cache.set(key, entry, int(expires_at - now) + STALE_SECONDS)
        return entry

    @staticmethod
    def _not_stored(request, response):
        """Whatever is personal (a session, a form's answer) never lands in a shared cache."""
        if getattr(response, "_page_cache_mark", None) is not None:
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        elif not response.has_header("Cache-Control") and (
            request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response


# --- Wagtail pages ----------------------------------------------------------------------------------


class CachedPageMixin:
    """For a Wagtail page model: its live page, served to anonymous visitors, is kept in the page cache
    until the page itself or the site changes. `page_cache_tags` names what else it shows; components
    that render lists add theirs during rendering (`shows`). Previews are never marked."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            return response
        tags, expires_at = self.page_cache_tags(request)
        return cache_publicly(response, {page_tag(self.pk), SITE, *tags}, expires_at)

    def page_cache_tags(self, request):
        return (), None


# Bookkeeping a draft, a lock or a workflow writes on a page's live row: nothing a visitor sees.
PAGE_BOOKKEEPING_FIELDS = frozenset(
    {
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def _page_changed(instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields and PAGE_BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    invalidate({page_tag(instance.pk)})


def _page_moved(instance, **kwargs):
    invalidate({page_tag(instance.pk), SITE})


def _site_changed(**kwargs):
    invalidate({SITE})


def connect_signals():
    """Any page's publish, unpublish, saved live row, move or deletion refreshes that page; a change of
    Wagtail's sites or of a page's view restrictions refreshes everything."""
    for signal in (page_published, page_unpublished, post_save, post_delete):
        signal.connect(_page_changed, dispatch_uid=f"pagecache_page_{id(signal)}")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache_page_moved")
    for model in (Site, PageViewRestriction):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"pagecache_saved_{model.__name__}")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"pagecache_deleted_{model.__name__}")
