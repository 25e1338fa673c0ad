"""The embedded quick start (`make run`) works without PostgreSQL or Redis: SQLite, tasks in-process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECK_PAGES = """
from django.test import Client
client = Client()
for url in ("/", "/bretten/", "/ettlingen/", "/baden-baden/", "/suche/?q=Kinder"):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
print("OK", client.get("/").content.decode().count("href=\\"/bretten/"))
"""


@pytest.mark.slow
def test_quickstart_runs_on_sqlite_with_tasks_in_process(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "engagement.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'quickstart.sqlite3'}",
        "CELERY_BROKER_URL": "",
        "DEMO_MODE": "true",
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    migrate = manage("migrate", "--noinput")
    assert migrate.returncode == 0, migrate.stderr
    demo = manage("load_demo", "--verbosity", "0")
    assert demo.returncode == 0, demo.stderr
    assert "verein-bretten" in demo.stdout
    pages = manage("shell", "-c", CHECK_PAGES)
    assert pages.returncode == 0, pages.stderr
    assert "OK" in pages.stdout.splitlines()[-1]
