"""Local development and the embedded quick start (`make run`)."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# `make run HOST=… PORT=…` passes the address it serves as DEV_HOST/DEV_PORT: the links in mails, the
# portal's Wagtail site and the cities' own hosts follow it. A WAGTAILADMIN_BASE_URL set by hand wins.
DEV_HOST = env("DEV_HOST", default="127.0.0.1")
DEV_PORT = env.int("DEV_PORT", default=8000)
# A server listening on every interface is still reached at this machine's own name.
_link_host = "localhost" if DEV_HOST in ("0.0.0.0", "::", "[::]") else DEV_HOST
if "WAGTAILADMIN_BASE_URL" not in env.ENVIRON:
    WAGTAILADMIN_BASE_URL = f"http://{_link_host}:{DEV_PORT}"
if "DJANGO_ALLOWED_HOSTS" not in env.ENVIRON and _link_host not in ALLOWED_HOSTS:  # noqa: F405
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _link_host]  # noqa: F405

# Each city's stage under its own name, e.g. http://engagement.ettlingen.localhost:8000/ (browsers
# resolve *.localhost to this machine). Set CITY_HOSTS= (empty) to switch them off.
if "CITY_HOSTS" not in env.ENVIRON:
    _port = urlsplit(WAGTAILADMIN_BASE_URL).port  # noqa: F405
    CITY_HOSTS = {
        slug: f"engagement.{slug}.localhost" + (f":{_port}" if _port else "")
        for slug in ("baden-baden", "bretten", "ettlingen")
    }
ALLOWED_HOSTS = [*ALLOWED_HOSTS, *(host.split(":")[0] for host in CITY_HOSTS.values())]  # noqa: F405

# `make run` serves pages and runs the periodic jobs (celery beat) in two processes: they share the
# cache (the search's pre-counted filters, rate limits) through files, and SQLite lets a writer wait
# for the other instead of failing with "database is locked".
if "CACHE_URL" not in env.ENVIRON:
    CACHES = {
        "default": env.cache_url_config(f"filecache://{BASE_DIR / '.cache' / 'django'}"),  # noqa: F405
        "pages": env.cache_url_config(f"filecache://{BASE_DIR / '.cache' / 'pages'}"),  # noqa: F405
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
