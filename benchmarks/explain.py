"""What the database spends on each page, measured so that a loaded machine disturbs it little
(`python -m benchmarks.explain`).

Needs a seeded database (`BENCH_DATABASE`, as for benchmarks.uncached). Each page of benchmarks.uncached
and benchmarks.search is requested once without the page cache, repeated (the app's small caches warm)
and cold (the cache emptied first); then every SELECT it sent runs again under
`EXPLAIN (ANALYZE, BUFFERS)`, and the table gives the number of queries, the sum of PostgreSQL's own
execution times and the slowest query. Unlike wall-clock times these count the work of the server process
only, not the time it waited for a CPU (the machine is shared), so they compare runs under different
loads. `BENCH_EXPLAIN_RUNS` (default 3): the median of that many EXPLAINs per query. `BENCH_ONLY` narrows
it as in benchmarks.uncached.
"""

import os
import re
import statistics

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "engagement.settings.test")
os.environ.setdefault("DATABASE_POOL", "false")

RUNS = int(os.environ.get("BENCH_EXPLAIN_RUNS", "3"))
EXECUTION = re.compile(r"Execution Time: ([0-9.]+) ms")
PLANNING = re.compile(r"Planning Time: ([0-9.]+) ms")


def explained_ms(cursor, sql):
    """Planning plus execution time of `sql` in ms (median of RUNS), as PostgreSQL reports it."""
    times = []
    for _ in range(RUNS):
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        text = "\n".join(row[0] for row in cursor.fetchall())
        times.append(float(EXECUTION.search(text).group(1)) + float(PLANNING.search(text).group(1)))
    return statistics.median(times)


def page_queries(client, url, cold):
    from django.core.cache import cache
    from django.db import connection, reset_queries

    client.get(url)  # warm up
    if cold:
        cache.clear()
    reset_queries()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in connection.queries]


def main():
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from benchmarks.search import SCENARIOS
    from benchmarks.uncached import scenarios

    settings.DEBUG = True
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATABASES["default"]["NAME"] = os.environ["BENCH_DATABASE"]
    settings.DATABASES["default"]["CONN_MAX_AGE"] = None
    connection.close()
    only = [prefix for prefix in os.environ.get("BENCH_ONLY", "").split(",") if prefix]
    public, editors = scenarios()
    public.update({f"Suche: {label}": url for label, url in SCENARIOS.items()})
    public["Suche: neuer Ort (kalt)"] = "/suche/?near=75015&radius=7"
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}", flush=True)
    print("| Seite | Abfragen | DB ms (EXPLAIN, Summe) | langsamste Abfrage ms |", flush=True)
    print("| --- | --- | --- | --- |", flush=True)
    anonymous, editor = Client(), Client()
    editor.force_login(get_user_model().objects.get(username="redaktion-bretten"))
    rows = [(label, anonymous, url, cold) for label, url in public.items() for cold in (False, True)]
    rows += [(label, editor, url, False) for label, url in editors.items()]
    for label, client, url, cold in rows:
        if only and not any(label.startswith(prefix) for prefix in only):
            continue
        sqls = page_queries(client, url, cold)
        with connection.cursor() as cursor:
            times = [explained_ms(cursor, sql) for sql in sqls if sql.lstrip().upper().startswith("SELECT")]
        name = f"{label}, kalt" if cold else label
        print(f"| {name} | {len(sqls)} | {sum(times):.1f} | {max(times, default=0):.1f} |", flush=True)
    print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
