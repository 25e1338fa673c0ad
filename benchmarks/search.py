"""Search benchmark at 1 000 / 10 000 / 100 000 opportunities (`python -m benchmarks.search`).

For each size: fresh database `<name>_searchbench_<N>`, migrate, load_demo, seed_bench N, then time the
searches and the Engagement-Finder's results through Django's test client. "DB ms" is the summed time of
the request's SQL queries on its own connection (the database layer; the filter counts of a new selection
run on a second connection meanwhile, engagement/operations/alongside.py, and are not in it), "page ms"
the whole HTML response.
Sizes: `BENCH_SIZES=1000,10000,100000`.

Each search is timed three times: as repeated (the filter panel with its counts comes from the cache, as
for every visitor after the first within two minutes); as a new selection (new words, a new place or
radius: before every request every city's offers start a new generation, as a change of an offer does, so
nothing kept for a selection is read again, neither its matches nor its counts, while the site, the
vocabularies and the templates stay warm; counts over SEARCH_FACET_BUDGET_MS are left to a worker); and
cold (the whole cache emptied before every request, as after a restart of Redis).
Connections stay open between requests, as the pool keeps them, and the objects alive once the
application is loaded are frozen out of the garbage collector's full passes, as the server's workers do.

`BENCH_REUSE=1` keeps an already seeded database of that size (only new migrations are applied), so a
100 000 run is seeded once and measured many times. `BENCH_SEED_ONLY=1` seeds and stops.
`BENCH_DATABASE` names the database for a single size (e.g. the one `benchmarks.admin` seeded).
"""

import os
import statistics
import time

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.test")
os.environ.setdefault("DATABASE_POOL", "false")

SCENARIOS = {
    "Freitext": "/suche/?q=Betreuung",
    "Kategorie+Stadt": "/suche/?category=soziales&city=ettlingen",
    "near+radius=10, Entfernung": "/suche/?near=76275&radius=10&sort=distance",
    "alles kombiniert": (
        "/suche/?q=Betreuung&category=soziales&city=ettlingen&near=76275&radius=10&sort=distance"
    ),
    # The Engagement-Finder ranks every candidate (at most 1 000) by fit: the same search query, its
    # narrowing filters and place, one query per relation it reads, one page of cards.
    "Finder: Themen+Tätigkeit+Zeit+Ort": (
        "/finder/ergebnis/?category=soziales&activity=begleiten&days=weekends&near=76275&radius=10"
        "&with=family"
    ),
    "Finder: Thema+Zeit, ganze Region": "/finder/ergebnis/?category=soziales&schedule=regular&hours=8",
}
RUNS = 20
NEW_SELECTION = "new selection"  # every city's offers start a new generation before each request
COLD = "cold"  # the whole cache is emptied before each request


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


class QueryTimer:
    """Sums the wall time of every SQL statement (an execute wrapper: precise to the microsecond,
    unlike the millisecond-rounded `connection.queries`)."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        begin = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - begin
            self.count += 1


def measure(client, url, fresh=None):
    from django.core.cache import cache
    from django.db import connection

    from engagement.celery import app
    from search.facets import forget_facet_counts

    # Warm up caches and the geocoder; what the page leaves to a worker (facet counts over the budget)
    # is done meanwhile, as a worker does it in production within seconds. The measured requests then
    # send such work to the broker, as in production, instead of running it inside the request.
    app.conf.task_always_eager = True
    client.get(url)
    app.conf.task_always_eager = False
    page_ms, db_ms, queries = [], [], 0
    for _ in range(RUNS):
        if fresh == COLD:
            cache.clear()
        elif fresh == NEW_SELECTION:
            forget_facet_counts()
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            begin = time.perf_counter()
            response = client.get(url)
            page_ms.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        db_ms.append(timer.seconds * 1000)
        queries = timer.count
    return db_ms, page_ms, queries


def main():
    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from benchmarks.database import recreate_database, seeded, settings_url
    from benchmarks.worker import settle_like_a_server_worker

    # No setup_test_environment(): its instrumented template rendering would add to every page time.
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_SECONDS = 0  # the search itself: a repeated address would come from the page cache
    base = settings.DATABASES["default"]["NAME"]
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
    reuse = os.environ.get("BENCH_REUSE") == "1"
    for size in sizes:
        from django.db import connection

        connection.close()
        name = settings.DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE") or (
            f"{base}_searchbench_{size}"
        )
        if reuse and seeded(settings_url(), name, size):
            call_command("migrate", verbosity=0)
            print(f"{size}: reusing {name}", flush=True)
        else:
            recreate_database(settings_url(), name)
            call_command("migrate", verbosity=0)
            call_command("load_demo", verbosity=0)
            started = time.monotonic()
            call_command("seed_bench", opportunities=size, verbosity=0)
            print(f"{size}: seed_bench {time.monotonic() - started:.0f} s", flush=True)
        if os.environ.get("BENCH_SEED_ONLY") == "1":
            continue
        with connection.cursor() as cursor:
            # Fresh statistics and visibility map, as autovacuum keeps them on a live site (the index-only
            # scans of the facet counts need the latter).
            cursor.execute("VACUUM ANALYZE")
        # Connections stay open between requests, as the pool keeps them in production: a new connection
        # per request would time PostgreSQL warming its catalog caches, not the search.
        settings.DATABASES["default"]["CONN_MAX_AGE"] = None
        connection.close()
        settle_like_a_server_worker()
        client = Client()
        print(
            "| Angebote | Anfrage | DB p50 | DB p95 | Seite p50 | Seite p95 | neue Auswahl: DB p95 "
            "| neue Auswahl: Seite p95 | kalt: DB p95 | kalt: Seite p95 | Abfragen (neu, kalt) |",
            flush=True,
        )
        for name, url in SCENARIOS.items():
            db_ms, page_ms, queries = measure(client, url)
            new_db_ms, new_page_ms, new_queries = measure(client, url, fresh=NEW_SELECTION)
            cold_db_ms, cold_page_ms, cold_queries = measure(client, url, fresh=COLD)
            print(
                f"| {size} | {name} | {statistics.median(db_ms):.1f} | {percentile(db_ms, 0.95):.1f} "
                f"| {statistics.median(page_ms):.1f} | {percentile(page_ms, 0.95):.1f} "
                f"| {percentile(new_db_ms, 0.95):.1f} | {percentile(new_page_ms, 0.95):.1f} "
                f"| {percentile(cold_db_ms, 0.95):.1f} | {percentile(cold_page_ms, 0.95):.1f} "
                f"| {queries} ({new_queries}, {cold_queries}) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
