"""Local development and the embedded quick start (`make run`)."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Each city's stage under its own name, e.g. http://engagement.ettlingen.localhost:8000/ (browsers
# resolve *.localhost to this machine). Set CITY_HOSTS= (empty) to switch them off.
if "CITY_HOSTS" not in env.ENVIRON:
    _port = urlsplit(WAGTAILADMIN_BASE_URL).port  # noqa: F405
    CITY_HOSTS = {
        slug: f"engagement.{slug}.localhost" + (f":{_port}" if _port else "")
        for slug in ("baden-baden", "bretten", "ettlingen")
    }
ALLOWED_HOSTS = [*ALLOWED_HOSTS, *(host.split(":")[0] for host in CITY_HOSTS.values())]  # noqa: F405
