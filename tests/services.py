"""Real processes for fault tests: a Redis server of the test's own, free ports, waiting for a condition.

The shared Redis and PostgreSQL are never stopped; a test that needs Redis to go away starts its own
here and stops it.
"""

import shutil
import socket
import subprocess
import time
from contextlib import closing

from kombu import pools

from engagement import celery_app


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server on a free port that the test can really stop and restart (it keeps nothing)."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        assert wait_for(self.answers, seconds=10), "redis-server did not start"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        assert not self.answers()

    def stop_if_running(self):
        if self.process is not None and self.process.poll() is None:
            self.stop()

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def forget_broker_connections():
    """Drop pooled connections so the next publish connects afresh (to a restarted broker)."""
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    celery_app.amqp._producer_pool = None
    pools.reset()  # kombu keeps its own registry of pools per connection URL


def use_broker(url):
    """Publish to `url` instead of the test's broker (None: back to CELERY_BROKER_URL).

    Celery reads CELERY_BROKER_URL from the environment before Django's settings, so the URL is set
    as the read and write URL, which take precedence over it.
    """
    celery_app.conf.task_always_eager = url is None
    celery_app.conf.broker_read_url = celery_app.conf.broker_write_url = url
    forget_broker_connections()


def production_environment(**values) -> dict:
    """The environment of a server with production settings on this machine (plain http on loopback)."""
    import os
    import sys

    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "engagement.settings.production",
            "DJANGO_SECRET_KEY": "test-only-not-a-secret",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            "LOG_FORMAT": "json",
            "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
        }
    )
    environment.update({key: str(value) for key, value in values.items()})
    return environment


def start_gunicorn(environment: dict, port: int, log_path) -> subprocess.Popen:
    """gunicorn with the repository's gunicorn.conf.py (one worker, two threads) on `port`."""
    import sys
    import urllib.request
    from pathlib import Path

    environment = {**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    environment.setdefault("GUNICORN_THREADS", "2")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = open(log_path, "ab")  # noqa: SIM115 (closed with the process by the caller's stop())
    process = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py"],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def answers():
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).status == 200
        except OSError:
            return False

    assert wait_for(answers, seconds=60), Path(log_path).read_text()[-3000:]
    return process


def stop(process: subprocess.Popen):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class GeocodingServer:
    """A Nominatim stand-in on a free port: `hang` accepts and never answers, `answer` returns a place."""

    ANSWER = b'[{"lat": "49.0366", "lon": "8.7049", "display_name": "Melanchthonstr. 3, 75015 Bretten"}]'

    def __init__(self):
        import threading

        self.mode = "hang"
        self.requests = 0
        self._held = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def domain(self):
        return f"127.0.0.1:{self.port}"

    def _serve(self):
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.requests += 1
            if self.mode == "hang":
                self._held.append(connection)  # accepted, read by nobody, never answered
                continue
            with connection:
                connection.recv(65536)
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + f"Content-Length: {len(self.ANSWER)}\r\n\r\n".encode()
                    + self.ANSWER
                )

    def close(self):
        self._listener.close()
        for connection in self._held:
            connection.close()
