"""Editors' admin views with 100 000 opportunities (`python -m benchmarks.admin`).

Database `<name>_adminbench` (or `BENCH_DATABASE`): migrate, load_demo, seed_bench N
(`BENCH_OPPORTUNITIES`, default 100 000) and `BENCH_APPLICATIONS` confirmed applications (default
30 000, a third of them answered) for the statistics. `BENCH_REUSE=1` keeps a database that is already
seeded (only new migrations are applied); `BENCH_SEED_ONLY=1` seeds and stops.

Times, as `redaktion-bretten` (a third of the opportunities are Bretten's): the explorer of the city
section, the admin home with the city panel, admin page search and the statistics report; the
statistics for all cities as `admin`, each also cold (the cache emptied before every request: the figures
are cached for 15 minutes). "DB ms" is the summed time of the request's SQL queries, "page ms" the whole
response, 20 runs each after one warm-up, on a connection kept open as the pool keeps it.
"""

import datetime as dt
import os
import random
import statistics
import time

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.test")
os.environ.setdefault("DATABASE_POOL", "false")

RUNS = 20
COLD = True  # the cache is emptied before every request


def scenarios(city_pk):
    return {
        "Explorer des Stadtbereichs": ("redaktion-bretten", f"/admin/pages/{city_pk}/"),
        "Explorer, Seite 50": ("redaktion-bretten", f"/admin/pages/{city_pk}/?p=50"),
        "Startseite mit Stadt-Panel": ("redaktion-bretten", "/admin/"),
        "Seitensuche im Admin": ("redaktion-bretten", "/admin/pages/search/?q=Nachhilfe"),
        "Statistik (eigene Stadt)": ("redaktion-bretten", "/admin/statistik/"),
        "Statistik (eigene Stadt), kalt": ("redaktion-bretten", "/admin/statistik/", COLD),
        "Statistik, 24 Monate": ("redaktion-bretten", "/admin/statistik/?months=24"),
        "Statistik, 24 Monate, kalt": ("redaktion-bretten", "/admin/statistik/?months=24", COLD),
        "Statistik alle Städte (admin)": ("admin", "/admin/statistik/"),
        "Statistik alle Städte (admin), kalt": ("admin", "/admin/statistik/", COLD),
    }


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


def measure(client, url, cold=False):
    from django.core.cache import cache
    from django.db import connection, reset_queries

    response = client.get(url)  # warm up
    assert response.status_code == 200, (url, response.status_code)
    page_ms, db_ms, queries = [], [], 0
    for _ in range(RUNS):
        if cold:
            cache.clear()
        reset_queries()
        begin = time.perf_counter()
        response = client.get(url)
        page_ms.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        db_ms.append(sum(float(query["time"]) for query in connection.queries) * 1000)
        queries = len(connection.queries)
    return db_ms, page_ms, queries


def seed_applications(count):
    """Confirmed applications spread over the last 18 months; a third answered after 0–14 days."""
    from django.utils import timezone

    from engagement.applications.models import Application, StatusChange
    from engagement.opportunities.models import OpportunityPage

    missing = count - Application.objects.count()
    if missing <= 0:
        return
    rng = random.Random(count)
    # A random sample across all cities (the default order by tree path would take one city's pages).
    opportunity_ids = list(OpportunityPage.objects.order_by("?").values_list("pk", flat=True)[:20000])
    now = timezone.now()
    applications = []
    for number in range(missing):
        confirmed = now - dt.timedelta(days=rng.uniform(0, 540))
        applications.append(
            Application(
                opportunity_id=rng.choice(opportunity_ids),
                name="Bench",
                email=f"bench{number}@example.org",
                message="Bench",
                status=Application.Status.WITHDRAWN,  # outside the one-open-per-address constraint
                consent_version="1",
                consent_given_at=confirmed,
                confirmed_at=confirmed,
            )
        )
    created = Application.objects.bulk_create(applications, batch_size=2000)
    changes = [
        StatusChange(
            application=application,
            from_status="requested",
            to_status="accepted",
            changed_by_id=None,
            message="",
        )
        for application in created[::3]
    ]
    StatusChange.objects.bulk_create(changes, batch_size=2000)
    from django.contrib.auth import get_user_model

    answering = get_user_model().objects.get(username="verein-bretten")
    for change in changes:  # answered 0–14 days after confirmation, by a member of the organisation
        change.changed_at = change.application.confirmed_at + dt.timedelta(days=rng.uniform(0, 14))
        change.changed_by = answering
    StatusChange.objects.bulk_update(changes, ["changed_at", "changed_by"], batch_size=2000)


def main():
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from benchmarks.database import recreate_database, seeded, settings_url
    from benchmarks.worker import settle_like_a_server_worker
    from engagement.cities.models import CityPage

    settings.DEBUG = True  # records connection.queries with their times
    # No setup_test_environment(): its instrumented template rendering would add to every page time.
    settings.ALLOWED_HOSTS = ["testserver"]
    count = int(os.environ.get("BENCH_OPPORTUNITIES", "100000"))
    base = settings.DATABASES["default"]["NAME"]
    name = settings.DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE", f"{base}_adminbench")
    connection.close()
    if os.environ.get("BENCH_REUSE") == "1" and seeded(settings_url(), name, count):
        call_command("migrate", verbosity=0)
        print(f"{count}: reusing {name}", flush=True)
    else:
        recreate_database(settings_url(), name)
        call_command("migrate", verbosity=0)
        call_command("load_demo", verbosity=0)
        started = time.monotonic()
        call_command("seed_bench", opportunities=count, verbosity=1)
        print(f"seed_bench {count}: {time.monotonic() - started:.0f} s", flush=True)
    started = time.monotonic()
    seed_applications(int(os.environ.get("BENCH_APPLICATIONS", "30000")))
    print(f"applications ready: {time.monotonic() - started:.0f} s", flush=True)
    if os.environ.get("BENCH_SEED_ONLY") == "1":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live site

    settings.DATABASES["default"]["CONN_MAX_AGE"] = None  # one open connection, as from the pool
    connection.close()
    settle_like_a_server_worker()
    city = CityPage.objects.get(slug="bretten")
    users = get_user_model().objects.in_bulk(["redaktion-bretten", "admin"], field_name="username")
    clients = {}
    print("| Ansicht | DB p50 | DB p95 | Seite p50 | Seite p95 | Abfragen |", flush=True)
    print("| --- | --- | --- | --- | --- | --- |", flush=True)
    for label, (username, url, *cold) in scenarios(city.pk).items():
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(users[username])
        db_ms, page_ms, queries = measure(clients[username], url, cold=bool(cold))
        print(
            f"| {label} | {statistics.median(db_ms):.0f} | {percentile(db_ms, 0.95):.0f} "
            f"| {statistics.median(page_ms):.0f} | {percentile(page_ms, 0.95):.0f} | {queries} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
