"""The benchmarks' own databases on the PostgreSQL server of `DATABASE_URL` (never the one it names)."""

from urllib.parse import quote, urlsplit

import psycopg


def server_url(database_url: str, name: str = "postgres") -> str:
    """`database_url` pointing at database `name` on the same server."""
    return urlsplit(database_url)._replace(path=f"/{name}").geturl()


def settings_url() -> str:
    """The URL of Django's default database (for the benchmarks that set Django up first)."""
    from django.conf import settings  # the callers set Django up first

    database = settings.DATABASES["default"]
    credentials = quote(database["USER"] or "") + (
        f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    )
    address = f"{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}"
    return f"postgresql://{credentials}@{address}/{database['NAME']}"


def recreate_database(database_url: str, name: str) -> None:
    with psycopg.connect(server_url(database_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def bench_opportunities(database_url: str, name: str) -> int | None:
    """How many opportunities `seed_bench` wrote into database `name`; None if it holds none yet."""
    try:
        with psycopg.connect(server_url(database_url, name)) as connection:
            row = connection.execute(
                "SELECT count(*) FROM opportunities_opportunitypage AS opportunity "
                "JOIN wagtailcore_page AS page ON page.id = opportunity.page_ptr_id "
                "WHERE page.slug LIKE 'bench-%'"
            ).fetchone()
    except psycopg.Error:
        return None
    return row[0]


def seeded(database_url: str, name: str, size: int) -> bool:
    """Whether database `name` holds at least `size` opportunities of any kind."""
    try:
        with psycopg.connect(server_url(database_url, name)) as connection:
            row = connection.execute("SELECT count(*) FROM opportunities_opportunitypage").fetchone()
    except psycopg.Error:
        return False
    return row[0] >= size
