"""gunicorn's configuration: `gunicorn engagement.wsgi` reads it from the working directory.

Workers and threads (gthread): a request of ours mostly waits (PostgreSQL, Redis, an online geocoder),
and Python runs one thread per process at a time. So

    workers = CPU cores + 1        processes for parallel CPU work; the +1 keeps the cores busy while
                                   one worker restarts or collects garbage
    threads = 4 per worker         a slow request (a cold search, an export, a geocoder timeout) holds
                                   one thread; the worker's other threads keep serving cheap requests

On 2 cores: 3 workers x 4 threads = 12 requests at once. Each worker holds its own database pool, so
keep WEB_CONCURRENCY x DATABASE_POOL_MAX_SIZE under PostgreSQL's max_connections (or use PgBouncer), and
DATABASE_POOL_MAX_SIZE >= GUNICORN_THREADS + ALONGSIDE_THREADS (the search counts its filter options
on a second connection, engagement/operations/alongside.py). Every value can be overridden from the
environment: WEB_CONCURRENCY (gunicorn's own name), GUNICORN_THREADS, GUNICORN_BIND, GUNICORN_TIMEOUT,
GUNICORN_MAX_REQUESTS, GUNICORN_REUSE_PORT, FORWARDED_ALLOW_IPS, GUNICORN_ACCESS_LOG.
"""

import multiprocessing
import os

wsgi_app = "engagement.wsgi:application"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# A request that takes longer than this is cut off (its worker restarted); the database pool, the
# cache and the geocoder all give up long before, so this only catches what nothing else bounds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30  # on a deploy (SIGTERM / HUP) running requests may finish
keepalive = 5  # behind a load balancer that keeps connections open
# Each worker listens on a socket of its own (SO_REUSEPORT), and the kernel spreads new connections over
# them. On one shared socket a worker accepts whatever it can: 16 kept-open connections often all landed
# on one worker, which then served them on one core (a third of the throughput, benchmarks/README.md).
# A worker that restarts closes its socket; connections still waiting in it move to the others only with
# the sysctl net.ipv4.tcp_migrate_req=1 (Linux 5.14+), else they are reset.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "true").lower() != "false"
# Restart each worker after about this many requests: bounds memory growth, staggered by the jitter.
# A restart costs the worker's start (about a second of CPU), and the requests queued behind it wait:
# at 2 000 that happened every few seconds under load and set the 95th percentile (benchmarks/README.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50_000))
max_requests_jitter = max_requests // 10
# The proxy's address(es) whose X-Forwarded-For / -Proto gunicorn believes (the load balancer's).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Not preloaded: each worker imports the app itself, so no socket (database pool, Redis) is shared
# across a fork, and a HUP reloads new code.
preload_app = False
control_socket_disable = True  # one per user by default: several servers on one host would collide
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Access log as JSON lines with the request id (set by RequestIdMiddleware), without the client's IP
# address (personal data; the proxy keeps it if needed) and with tokens in paths masked.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "true").lower() != "false" else None
logger_class = "engagement.operations.gunicorn_logging.AccessLogger"
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}o)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def post_worker_init(worker):
    """Once the worker has loaded the application (and, here, every view module): move all objects
    alive now out of the garbage collector's sight. Its full collections then scan only what requests
    left behind; before, each one walked the half million objects of Django, Wagtail and their imports
    and stopped the worker for 0.2 to 0.8 s, which set the slowest requests (benchmarks/README.md)."""
    import gc
    from importlib import import_module

    from django.conf import settings

    import_module(settings.ROOT_URLCONF)
    gc.freeze()
