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
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
