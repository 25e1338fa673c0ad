"""Production: every secret from the environment, no defaults, demo mode impossible."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
DEMO_MODE = False  # demo accounts (password "demo") can never exist here; load_demo refuses.
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
ALLOWED_HOSTS += [host.split(":")[0] for host in CITY_HOSTS.values()]  # noqa: F405 (each city's own host)
DATABASES = {"default": env.db("DATABASE_URL")}  # required: PostgreSQL
DATABASES["default"]["CONN_MAX_AGE"] = 0
if env.bool("DATABASE_POOL", default=True):
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
        "timeout": 10,
    }
CELERY_BROKER_URL = env("CELERY_BROKER_URL")  # required: Redis
CELERY_TASK_ALWAYS_EAGER = False
TASKS = {"default": {"BACKEND": "engagement.tasks_backend.CeleryTaskBackend"}}
CACHES = {"default": env.cache("CACHE_URL")}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
# HSTS covers the host it is sent from. includeSubDomains would bind every subdomain of the portal's
# domain (and a city host such as engagement.bretten.de would bind nothing of bretten.de above it),
# and a city's other services on sibling subdomains are not ours to force onto https: off by default.
# Preload is a promise to the browser vendors for a whole registrable domain: never from here.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = False
# Deliberately silent checks (manage.py check --deploy), both for the reasons above:
#   security.W005 (HSTS without includeSubDomains) – a city's sibling subdomains are not ours;
#   security.W021 (no HSTS preload) – preload is not ours to promise for a city's whole domain.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
