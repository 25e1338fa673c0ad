"""Production: every secret from the environment, no defaults, demo mode impossible."""

from engagement.operations.error_reporting import configure_error_reporting

from .base import *  # noqa: F403
from .base import LOGGING, MIDDLEWARE, SENTRY_DSN, env, page_cache_config, postgres_with_pool, resilient_cache

DEBUG = False
DEMO_MODE = False  # demo accounts (password "demo") can never exist here; load_demo refuses.
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
ALLOWED_HOSTS += [host.split(":")[0] for host in CITY_HOSTS.values()]  # noqa: F405 (each city's own host)
DATABASES = {"default": postgres_with_pool(env.db("DATABASE_URL"))}  # required: PostgreSQL
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = postgres_with_pool(env.db("DATABASE_REPLICA_URL"))
CELERY_BROKER_URL = env("CELERY_BROKER_URL")  # required: Redis
CELERY_TASK_ALWAYS_EAGER = False
TASKS = {"default": {"BACKEND": "engagement.tasks_backend.CeleryTaskBackend"}}
CACHES = {"default": resilient_cache(env.cache("CACHE_URL")), "pages": page_cache_config(env("CACHE_URL"))}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")

# Hashed names and precompressed gzip copies (Brotli too once the `brotli` package is installed):
# WhiteNoise sends them with `Cache-Control: max-age=315360000, public, immutable` (ten years);
# files without a hash in their name get WHITENOISE_MAX_AGE.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60
# Uploads on S3-compatible storage (shared by every app server): install `.[s3]` and set the bucket.
if env("MEDIA_S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_S3_REGION", default=None),
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY", default=None),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# HTML compressed here, public pages only (engagement/operations/compression.py explains BREACH).
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1],
    "engagement.operations.compression.CompressPublicPagesMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1 :],
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Off only for a local trial over plain http on loopback (`make prod`); /healthz and /readyz never redirect.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# JSON lines for the log collector unless LOG_FORMAT says otherwise.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

configure_error_reporting(
    SENTRY_DSN,
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
)
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
