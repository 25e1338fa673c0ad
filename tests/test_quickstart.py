"""The embedded quick start (`make run`) works without PostgreSQL or Redis: SQLite, tasks in-process."""

import os
import quopri
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

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


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url, data=None, cookies=None):
    """GET or POST `url` on this machine, whatever host it names (*.localhost needs no resolver)."""
    parts = urlsplit(url)
    request = urllib.request.Request(
        f"http://127.0.0.1:{parts.port}{parts.path}{'?' + parts.query if parts.query else ''}",
        data=urllib.parse.urlencode(data).encode() if data is not None else None,
        headers={"Host": parts.netloc, "Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers, response.read().decode()


@pytest.mark.slow
def test_quickstart_on_another_port_links_every_mail_to_the_address_it_serves(tmp_path):
    """`make serve PORT=…` (what `make run` starts after installing): a citizen applies on the portal, the
    confirmation mail links to the city's own host on that port, and the link opens the confirmation."""
    port = _free_port()
    log_path = tmp_path / "quickstart.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "engagement.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'quickstart.sqlite3'}",
        "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "CELERY_BROKER_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("WAGTAILADMIN_BASE_URL", "CITY_HOSTS", "DJANGO_ALLOWED_HOSTS", "DEV_HOST", "DEV_PORT"):
        env.pop(name, None)
    with log_path.open("w") as log:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "serve", "HOST=127.0.0.1", f"PORT={port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/", server, log_path)
        _status, _headers, city_host = _fetch(f"http://engagement.bretten.localhost:{port}/")
        assert f'href="http://engagement.ettlingen.localhost:{port}/"' in city_host
        assert f'href="{base}/"' in city_host  # back to the portal
        _status, _headers, city = _fetch(f"{base}/bretten/")
        path = re.search(r'href="(/bretten/[^"/]+/)"', city).group(1)
        _status, headers, offer = _fetch(base + path)
        assert f'"url":"{base}{path}"' in offer  # JSON-LD
        action = re.search(r'action="(/bewerben/\d+/)"', offer).group(1)
        csrf = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        fields = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', offer).group(1),
            "name": "Erika Mustermann",
            "email": "erika@example.org",
            "message": "Ich helfe gern.",
            "website": "",
        }
        # An adult applies: every box ticked but "under 18".
        ticked = set(re.findall(r'type="checkbox" name="([a-z_]+)"', offer)) - {"is_minor"}
        fields |= dict.fromkeys(ticked, "on")
        status, _headers, done = _fetch(base + action, data=fields, cookies={"csrftoken": csrf})
        assert status == 200 and "Fast geschafft" in done

        link = _wait_for_mail_link(log_path, port, "/bewerbung/bestaetigen/")
        assert link.startswith(f"http://engagement.bretten.localhost:{port}/")
        status, _headers, confirm = _fetch(link)
        assert status == 200 and 'method="post"' in confirm
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    output = log_path.read_text()
    assert "No hostname was supplied" not in output
    assert "Traceback" not in output
    assert "send-unsent-mail: erledigt" in output  # `run_due_jobs` ran every periodic job once


def _wait_for(url, server, log_path, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, log_path.read_text()
        try:
            _fetch(url)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(1)
    pytest.fail(f"Der Schnellstart antwortet nicht unter {url}:\n{log_path.read_text()}")


def _wait_for_mail_link(log_path, port, path, seconds=30):
    """The first link to `path` in a mail the console backend printed (mail bodies are quoted-printable)."""
    deadline = time.monotonic() + seconds
    pattern = re.compile(rf"https?://[^\s\"<>]+:{port}{re.escape(path)}[^\s\"<>]+")
    while time.monotonic() < deadline:
        text = quopri.decodestring(log_path.read_bytes()).decode(errors="replace")
        if match := pattern.search(text):
            return match.group(0)
        time.sleep(0.5)
    pytest.fail(f"Keine Mail mit Link zu {path}:\n{log_path.read_text()[-3000:]}")
