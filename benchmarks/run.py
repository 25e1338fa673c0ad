"""Benchmarks, run on demand (`make bench`), never as timed tests.

Creates a fresh database `<name>_bench`, loads the demo, seeds N synthetic opportunities (default
100 000, `BENCH_OPPORTUNITIES`), then times the public pages with Django's test client and counts their
queries. Prints a table; the figures go into the closing notes of the issues.
"""

import os
import statistics
import time

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.test")
os.environ.setdefault("DATABASE_POOL", "false")


def main():
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    count = int(os.environ.get("BENCH_OPPORTUNITIES", "100000"))
    database = settings.DATABASES["default"]
    database["NAME"] = f"{database['NAME']}_bench"
    _recreate_database(database["NAME"])
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    call_command("load_demo", verbosity=0)
    print(f"load_demo: {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    call_command("seed_bench", opportunities=count, verbosity=1)
    seconds = time.monotonic() - started
    print(f"seed_bench: {count} Angebote in {seconds:.1f} s ({count / seconds:.0f}/s)")

    client = Client()
    print(f"\n{'URL':<40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in (
        "/",
        "/bretten/",
        "/bretten/?page=50",
        "/suche/",
        "/suche/?q=Kinderbetreuung",
        "/suche/?q=Hundebetreuung&city=ettlingen",
    ):
        client.get(url)  # warm up
        timings = []
        for _ in range(15):
            begin = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            timings.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, url
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{url:<40} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries):>8}")


def _recreate_database(name):
    import psycopg

    server = settings.DATABASES["default"]
    with psycopg.connect(
        host=server["HOST"],
        port=server["PORT"] or 5432,
        user=server["USER"],
        password=server["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
