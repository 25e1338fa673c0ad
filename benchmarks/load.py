"""Load benchmark of the production server, in one command (`make bench`, `python -m benchmarks.load`).

1. A database of the chosen size (`--opportunities`, `BENCH_OPPORTUNITIES`, default 100 000): named
   `<DATABASE_URL's name>_load_<N>` (or `BENCH_DATABASE`) on the same server; migrate, load_demo and
   seed_bench, unless it already holds exactly N seeded opportunities (then only new migrations).
2. The production server as `make prod` runs it (scripts/run_production_locally.sh): collectstatic, then
   gunicorn with gunicorn.conf.py and the production settings on a free loopback port, and a celery
   worker (one process) for what pages leave to the background. The only change
   is the URL configuration (`benchmarks.settings`): it adds the floor route, a bare Django view behind
   the same middleware. Redis is the cache (the broker's server, the database next to the broker's, or
   `BENCH_CACHE_URL`).
3. Every public page type at 1 and 16 clients (the editors' admin pages at 1 and 4), warm, uncached
   (public pages only) and cold, each cell `--seconds` long (default
   5): warm with wrk (Debian's package; `make bench` installs it) after a one-second warm-up; uncached
   with the page cache's stored answers deleted before every request (the page is rendered; what it
   reads from the cache, such as facet counts, stays), cold with the whole cache emptied (Redis
   FLUSHDB, as after a restart of Redis), both by as many Python threads as clients (wrk cannot empty
   a cache between requests). Requests ask for gzip, as browsers do. After a page's cold cells the
   worker's queue is emptied and its running task awaited (`settle_worker`), so that the next page is
   not measured beside a backlog that only emptying the cache before every request creates.
4. Queries per page, counted with Django's test client and CaptureQueriesContext in this process
   (same settings, database and cache): after emptying the cache (cold) and once more (warm).

It prints one table (req/s, share of the floor's req/s at the same number of clients, p50/p95/p99,
errors, queries) with the load average before and after, and writes it into benchmarks/README.md under
"Last", one block per size (`--no-readme` leaves the file alone).
"""

import argparse
import datetime as dt
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.database import bench_opportunities, recreate_database, server_url

ENTRY_PREFIX = "pagecache:page:"  # engagement.operations.pagecache.ENTRY_PREFIX (Django is set up later)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
STATE = ROOT / ".bench"
README = ROOT / "benchmarks" / "README.md"
WRK_SCRIPT = ROOT / "benchmarks" / "wrk_report.lua"
CLIENTS = (1, 16)
EDITOR_CLIENTS = (1, 4)  # the editors' target: p95 <= 300 ms alone, <= 1 s with four at once
FLOOR = "Floor (leere View)"
EDITOR = "redaktion-bretten"
HEADERS = {"Accept-Encoding": "gzip", "Accept-Language": "de"}


@dataclass
class Page:
    label: str
    path: str
    cookie: str = ""
    clients: tuple = CLIENTS
    queries_cold: int | None = None
    queries_uncached: int | None = None
    queries_warm: int | None = None


@dataclass
class Cell:
    page: str
    clients: int
    cache: str  # "warm", "ungecacht" or "kalt"
    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    errors: int
    queries: int | None

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--opportunities", type=int, default=int(os.environ.get("BENCH_OPPORTUNITIES", "100000"))
    )
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "5")))
    parser.add_argument("--no-readme", action="store_true", help="benchmarks/README.md nicht ändern")
    parser.add_argument(
        "--only",
        default="",
        help="nur Seiten, deren Name dies enthält (z. B. Admin; der Floor läuft immer mit); "
        "ändert benchmarks/README.md nicht",
    )
    args = parser.parse_args()
    size = args.opportunities

    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/engagement")
    name = os.environ.get("BENCH_DATABASE") or f"{urlsplit(base_url).path.lstrip('/')}_load_{size}"
    database_url = server_url(base_url, name)
    broker_url = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/15"
    cache_url = os.environ.get("BENCH_CACHE_URL") or cache_beside(broker_url)

    seeding = prepare_database(base_url, name, size, broker_url)
    port = free_port()
    env = server_environment(database_url, broker_url, cache_url, port)
    print("collectstatic …", flush=True)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)  # this process counts queries with the server's own settings
    import django  # the settings module is chosen just above

    django.setup()
    pages = [page for page in bench_pages() if page.label == FLOOR or args.only in page.label]
    load_before = os.getloadavg()
    server = start_server(env, port)
    worker = start_worker(env)
    try:
        count_queries(pages)
        cells = measure(pages, port, args.seconds, cache_url)
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=60)
    load_after = os.getloadavg()
    block = report(size, name, seeding, load_before, load_after, cells, args.seconds)
    print("\n" + block, flush=True)
    if not (args.no_readme or args.only):
        write_readme(size, block)
        print(f"\nbenchmarks/README.md: Abschnitt „Last“, {size} Angebote.")


def cache_beside(broker_url):
    """The cache in the next Redis database after the broker's (or the one before, after 15): emptying
    it for the cold cells must not empty the worker's queue."""
    parts = urlsplit(broker_url)
    number = int(parts.path.strip("/") or 0)
    return parts._replace(scheme="rediscache", path=f"/{number + 1 if number < 15 else number - 1}").geturl()


# --- Database -------------------------------------------------------------------------------------


def prepare_database(base_url, name, size, broker_url):
    """Reuse the database if it holds exactly `size` seeded opportunities; else build it. Returns a
    line about the seeding (None when reused)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "engagement.settings.test",  # load_demo needs demo mode
        "DATABASE_URL": server_url(base_url, name),
        "CELERY_BROKER_URL": broker_url,
        "DATABASE_POOL": "false",
    }

    def manage(*command):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)

    if bench_opportunities(base_url, name) == size:
        print(f"Datenbank {name}: {size} Angebote vorhanden, nur neue Migrationen.", flush=True)
        manage("migrate", "--noinput", "-v0")
        return None
    print(f"Datenbank {name}: neu anlegen, migrieren, Demo laden, {size} Angebote säen …", flush=True)
    recreate_database(base_url, name)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo", "-v0")
    load = os.getloadavg()
    started = time.monotonic()
    manage("seed_bench", "--opportunities", str(size))
    seconds = time.monotonic() - started
    return f"seed_bench {size}: {seconds:.0f} s (Last vorher {_load(load)}, nachher {_load(os.getloadavg())})"


# --- Server ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(database_url, broker_url, cache_url, port):
    """What scripts/run_production_locally.sh sets, with the benchmark's settings module."""
    STATE.mkdir(exist_ok=True)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "CACHE_URL": cache_url,
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "benchmark-only-not-a-secret"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "EMAIL_URL": "consolemail://",
        "STATIC_ROOT": str(STATE / "static"),
        "MEDIA_ROOT": str(STATE / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
    }


def start_server(env, port):
    log = (STATE / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn endete (siehe {STATE / 'gunicorn.log'}).")
        try:
            if _get(port, "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn antwortete nicht binnen 90 s.")


def start_worker(env):
    """A celery worker as production runs one (Procfile): what a page leaves to the background (facet
    counts over the search's time budget) is done meanwhile, as it would be in production."""
    log = (STATE / "celery.log").open("w")
    command = [str(BIN / "celery"), "--app", "engagement", "worker", "--queues", "engagement"]
    command += ["--concurrency", "1", "--loglevel", "warning", "--without-gossip", "--without-mingle"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


def _get(port, path, cookie=""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={**HEADERS, **({"Cookie": cookie} if cookie else {})})
        response = connection.getresponse()
        response.read()
        return response.status, response
    finally:
        connection.close()


# --- Pages and queries ----------------------------------------------------------------------------


def bench_pages():
    """The page types of the benchmark, with a session cookie for the editor's admin page."""
    from django.conf import settings  # Django is set up by main()

    from benchmarks.urls import FLOOR_PATH
    from engagement.cities.models import CityPage
    from engagement.opportunities.models import OpportunityPage

    bretten = CityPage.objects.get(slug="bretten")
    seeded = OpportunityPage.objects.live().filter(city=bretten, slug__startswith="bench-").order_by("pk")
    opportunity = seeded.select_related("organisation")[seeded.count() // 2]
    editor = f"{settings.SESSION_COOKIE_NAME}={editor_session()}"
    return [
        Page(FLOOR, f"/{FLOOR_PATH}"),
        Page("Startseite", "/"),
        Page("Stadtseite /bretten/", urlsplit(bretten.url).path),
        Page("Angebotsseite", urlsplit(opportunity.url).path),
        Page("Organisationsprofil", f"/organisationen/{opportunity.organisation.slug}/"),
        Page("Suche, Wörter", "/suche/?q=Kinderbetreuung"),
        Page("Suche, Ort+Umkreis", "/suche/?near=76275&radius=10"),
        Page("API ?q=Kinder", "/api/v2/opportunities/?q=Kinder"),
        Page("Admin-Explorer (Redaktion Bretten)", f"/admin/pages/{bretten.pk}/", editor, EDITOR_CLIENTS),
        Page("Admin-Start mit Moderation (Redaktion)", "/admin/", editor, EDITOR_CLIENTS),
        Page("Admin-Seitensuche (Redaktion)", "/admin/pages/search/?q=Nachhilfe", editor, EDITOR_CLIENTS),
        Page("Statistik (Redaktion Bretten)", "/admin/statistik/", editor, EDITOR_CLIENTS),
    ]


def editor_session() -> str:
    """A session of the city editor that has passed its second factor, as after a real login."""
    from django.contrib.auth import get_user_model  # Django is set up by main()
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    editor = get_user_model().objects.get(username=EDITOR)
    device, _ = TOTPDevice.objects.get_or_create(user=editor, name="Benchmark", defaults={"confirmed": True})
    client = Client()
    client.force_login(editor)
    session = SessionStore(client.session.session_key)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return session.session_key


def count_queries(pages):
    """Queries per request: with the cache emptied first (cold), once more (warm), and with only the
    page's stored answer deleted (uncached)."""
    from django.core.cache import cache  # Django is set up by main()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from engagement.operations.pagecache import page_cache

    def queries_of(client, page):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        if response.status_code != 200:
            raise RuntimeError(f"{page.label} {page.path}: {response.status_code}")
        return len(queries)

    for page in pages:
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="de")
        if page.cookie:
            name, value = page.cookie.split("=", 1)
            client.cookies[name] = value
        cache.clear()
        page.queries_cold = queries_of(client, page)
        page.queries_warm = queries_of(client, page)
        stored = page_cache()._cache.get_client().keys(f"*{ENTRY_PREFIX}*")
        if stored:
            page_cache()._cache.get_client().delete(*stored)
        page.queries_uncached = queries_of(client, page)


# --- Load -----------------------------------------------------------------------------------------


def measure(pages, port, seconds, cache_url):
    import redis  # with celery[redis]

    server = redis.Redis.from_url(urlsplit(cache_url)._replace(scheme="redis").geturl())

    def drop_stored_pages():
        stored = list(server.scan_iter(match=f"*{ENTRY_PREFIX}*", count=1000))
        if stored:
            server.delete(*stored)

    cells = []
    for page in pages:
        for clients in page.clients:
            print(f"{page.label}, {clients} Client(s) …", flush=True)
            wrk(page, port, clients, 1)  # warm-up
            cells.append(wrk(page, port, clients, seconds))
            if page.label == FLOOR:
                continue
            if not page.cookie:  # the page cache never stores what a logged-in editor sees
                cells.append(cold(page, port, clients, seconds, drop_stored_pages, "ungecacht"))
            cells.append(cold(page, port, clients, seconds, server.flushdb, "kalt"))
            settle_worker()
    return cells


def settle_worker(limit_seconds=120):
    """Drop what the cold cells queued for the worker and wait for the task it is running.

    With the whole cache emptied before every request, each cold search asks the worker again to count
    its filter options (the note that it was asked went with the cache). At a million offers such a
    backlog keeps a core busy for minutes and would be measured with the next page; after a real restart
    of Redis each selection is asked for once."""
    from engagement.celery import app

    app.control.purge()
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        active = app.control.inspect(timeout=1).active() or {}
        if not any(active.values()):
            return
        time.sleep(0.5)


def wrk(page, port, clients, seconds):
    command = [
        "wrk",
        f"--connections={clients}",
        "--threads=1",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=30s",
        f"--script={WRK_SCRIPT}",
    ]
    for header, value in HEADERS.items():
        command.append(f"--header={header}: {value}")
    if page.cookie:
        command.append(f"--header=Cookie: {page.cookie}")
    command.append(f"http://127.0.0.1:{port}{page.path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(next(line for line in output.splitlines() if line.startswith("BENCH "))[6:])
    errors = sum(result[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    return Cell(
        page.label,
        clients,
        "warm",
        result["requests"],
        result["duration_us"] / 1e6,
        result["p50_us"] / 1000,
        result["p95_us"] / 1000,
        result["p99_us"] / 1000,
        errors,
        page.queries_warm,
    )


def cold(page, port, clients, seconds, flush, label):
    """Each client calls `flush` (empties the cache, or a part of it) before each of its requests, for
    `seconds`."""
    latencies, errors = [], []
    deadline = time.monotonic() + seconds

    def client():
        headers = {**HEADERS, **({"Cookie": page.cookie} if page.cookie else {})}
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            flush()
            began = time.perf_counter()
            try:
                connection.request("GET", page.path, headers=headers)
                response = connection.getresponse()
                response.read()
                failed = response.status >= 400
            except (OSError, http.client.HTTPException):
                failed = True
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            latencies.append(time.perf_counter() - began)
            errors.append(failed)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return Cell(
        page.label,
        clients,
        label,
        len(latencies),
        elapsed,
        _percentile(latencies, 0.50) * 1000,
        _percentile(latencies, 0.95) * 1000,
        _percentile(latencies, 0.99) * 1000,
        sum(errors),
        page.queries_cold if label == "kalt" else page.queries_uncached,
    )


def _percentile(ordered, share):
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(len(ordered) * share) - 1))]


# --- Report ---------------------------------------------------------------------------------------


def _load(load):
    return " / ".join(f"{value:.1f}" for value in load)


def report(size, name, seeding, load_before, load_after, cells, seconds):
    floor = {cell.clients: cell.rate for cell in cells if cell.page == FLOOR}
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        f"### {size:,} Angebote".replace(",", " "),
        "",
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Commit `{commit}`, Datenbank `{name}`, "
        f"je Zelle {seconds:g} s. Last (1/5/15 min) vorher {_load(load_before)}, "
        f"nachher {_load(load_after)}." + (f" {seeding}." if seeding else ""),
        "",
        "| Seite | Clients | Cache | req/s | Anteil Floor | p50 ms | p95 ms | p99 ms | Anfragen | Fehler "
        "| Abfragen |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for cell in cells:
        share = f"{cell.rate / floor[cell.clients]:.3f}" if floor.get(cell.clients) else "–"
        queries = "–" if cell.queries is None else str(cell.queries)
        if cell.requests:
            timing = f"{cell.rate:.1f} | {share} | {cell.p50:.0f} | {cell.p95:.0f} | {cell.p99:.0f}"
        else:  # no request finished within the cell's time
            timing = "0 | 0 | – | – | –"
        lines.append(
            f"| {cell.page} | {cell.clients} | {cell.cache} | {timing} | {cell.requests} | {cell.errors} "
            f"| {queries} |"
        )
    return "\n".join(lines)


def write_readme(size, block):
    """Replace this size's block in benchmarks/README.md (or add it at the end of the section)."""
    start, end = f"<!-- load:{size} -->", f"<!-- /load:{size} -->"
    text = README.read_text()
    marked = f"{start}\n{block}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + marked + rest.split(end, 1)[1]
    else:  # before the block of the next larger size, or at the end of the section
        larger = [int(other) for other in re.findall(r"<!-- load:(\d+) -->", text) if int(other) > size]
        anchor = f"<!-- load:{min(larger)} -->" if larger else "<!-- /load -->"
        if anchor not in text:
            raise RuntimeError(f"benchmarks/README.md: die Marke {anchor} fehlt.")
        text = text.replace(anchor, f"{marked}\n\n{anchor}", 1)
    README.write_text(text)


if __name__ == "__main__":
    main()
