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
