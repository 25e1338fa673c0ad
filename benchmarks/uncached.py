"""Pages that no page cache serves, one client at a time (`python -m benchmarks.uncached`).

Needs a seeded database (`BENCH_DATABASE`, e.g. one that `BENCH_SEED_ONLY=1 python -m benchmarks.admin`
filled with 100 000 opportunities). Times with Django's test client, `DEBUG=False` rendering without
the test environment's template instrumentation, on one connection kept open as the pool keeps it:
`BENCH_RUNS` runs (default 20) after one warm-up. "DB" is the summed time of the request's SQL, "page"
the whole response, in ms. Each public page and API query is measured twice: repeated (the app's own
small caches, such as the portal's counts, warm as for every visitor after the first) and cold (the
cache emptied before every request). Editors' views as `redaktion-bretten` (a third of the offers are
Bretten's). `BENCH_ONLY` (comma-separated labels' prefixes) narrows it.
"""

import os
import statistics
import time

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.test")
os.environ.setdefault("DATABASE_POOL", "false")

RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def scenarios():
    from engagement.cities.models import CityPage
    from engagement.opportunities.models import OpportunityPage
    from engagement.organisations.models import Organisation

    bretten = CityPage.objects.get(slug="bretten")
    # An offer in the middle of the table: bench offers, not the demo's few.
    opportunity = OpportunityPage.objects.live().filter(slug__startswith="bench-").order_by("pk")
    opportunity = opportunity[opportunity.count() // 2]
    organisation = Organisation.objects.filter(slug__startswith="bench-").order_by("pk").first()
    public = {
        "Startseite": "/",
        "Stadtseite /bretten/": "/bretten/",
        "Stadtseite, Seite 50": "/bretten/?page=50",
        "Angebot": opportunity.url,
        "Organisationsprofil": f"/organisationen/{organisation.slug}/",
        "Impressum Bretten": "/bretten/impressum/",
        "Barrierefreiheit (Portal)": "/barrierefreiheit/",
        "API Liste": "/api/v2/opportunities/",
        "API ?q=Kinder": "/api/v2/opportunities/?q=Kinder",
        "API ?q=Kinder&sort=newest": "/api/v2/opportunities/?q=Kinder&sort=newest",
        "API ?city=bretten": "/api/v2/opportunities/?city=bretten",
        "API ?city=bretten&page=40": "/api/v2/opportunities/?city=bretten&page=40",
        "API ?near=76275&radius=10": "/api/v2/opportunities/?near=76275&radius=10",
        "API ?category=soziales&schedule=regular": (
            "/api/v2/opportunities/?category=soziales&schedule=regular"
        ),
        "API Angebot": f"/api/v2/opportunities/{opportunity.pk}/",
    }
    editors = {
        "Explorer Bretten": f"/admin/pages/{bretten.pk}/",
        "Explorer Bretten, Seite 50": f"/admin/pages/{bretten.pk}/?p=50",
        "Admin-Startseite (Stadt-Panel)": "/admin/",
        "Admin-Seitensuche ?q=Nachhilfe": "/admin/pages/search/?q=Nachhilfe",
        "Statistik (eigene Stadt)": "/admin/statistik/",
    }
    return public, editors


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * share) - 1)]


def measure(client, url, cold):
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


def row(label, client, url, cold=False):
    db_ms, page_ms, queries = measure(client, url, cold)
    label = f"{label}, kalt" if cold else label
    print(
        f"| {label} | {statistics.median(db_ms):.0f} | {percentile(db_ms, 0.95):.0f} "
        f"| {statistics.median(page_ms):.0f} | {percentile(page_ms, 0.95):.0f} | {queries} |",
        flush=True,
    )


def main():
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    settings.DEBUG = True  # records connection.queries with their times
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_SECONDS = 0  # uncached: a repeated address would come from the page cache
    settings.DATABASES["default"]["NAME"] = os.environ["BENCH_DATABASE"]
    settings.DATABASES["default"]["CONN_MAX_AGE"] = None  # one open connection, as from the pool
    connection.close()
    only = [prefix for prefix in os.environ.get("BENCH_ONLY", "").split(",") if prefix]
    wanted = lambda label: not only or any(label.startswith(prefix) for prefix in only)  # noqa: E731
    public, editors = scenarios()
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}", flush=True)
    print("| Seite | DB p50 | DB p95 | Seite p50 | Seite p95 | Abfragen |", flush=True)
    print("| --- | --- | --- | --- | --- | --- |", flush=True)
    anonymous = Client()
    for label, url in public.items():
        if wanted(label):
            row(label, anonymous, url)
            row(label, anonymous, url, cold=True)
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="redaktion-bretten"))
    for label, url in editors.items():
        if wanted(label):
            row(label, editor, url)
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
