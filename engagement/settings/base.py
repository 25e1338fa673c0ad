"""Settings shared by every environment.

Every value that differs between machines comes from the environment (see README, "Konfiguration",
and `.env.example`). Without `DATABASE_URL` and `CELERY_BROKER_URL` the project runs on its embedded
defaults: SQLite and tasks executed in-process.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "engagement"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
# Each city's own stage (engagement/cities/sites.py): "bretten=engagement.bretten.de,ettlingen=…".
CITY_HOSTS = env.dict("CITY_HOSTS", default={})
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# How many reverse proxies in front of the app server append to X-Forwarded-For (0: none, the app
# server faces the clients). The client address for rate limits is the entry this many places from
# the right; entries further left are the client's own words and never believed. With a value above 0
# the app server must be reachable only through those proxies (engagement/ratelimit.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Demo accounts with the password "demo" exist only where this is true; production forces it off.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    "engagement.users",
    "engagement.security",
    "engagement.taxonomy",
    "engagement.cities",
    "engagement.organisations",
    "engagement.opportunities",
    "engagement.provisioning",
    "engagement.demo",
    "engagement.legal",
    "engagement.moderation",
    "engagement.dashboard",
    "engagement.applications",
    "engagement.shifts",
    "engagement.hours",
    "engagement.mail",
    "engagement.retention",
    "engagement.jobs",
    "engagement.discovery",
    "engagement.alerts",
    "engagement.exchange",
    "engagement.needs",
    "home",
    "search",
    "engagement.operations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Before everything: the request id for every log line, health answers without host or HTTPS checks
    # (load balancers ask by IP over plain HTTP), a 503 page when the database is away.
    "engagement.operations.request_id.RequestIdMiddleware",
    "engagement.operations.health.HealthCheckMiddleware",
    "engagement.operations.database.DatabaseUnavailableMiddleware",
    "engagement.operations.database.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "engagement.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Public pages for anonymous visitors from the cache: a hit runs nothing below (no query).
    "engagement.operations.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "engagement.nul_bytes.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "engagement.security.middleware.KnownDeviceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "engagement.security.middleware.StaffSessionTimeoutMiddleware",
    "engagement.security.middleware.AdminTwoFactorMiddleware",
    "engagement.security.middleware.VereinTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "engagement.urls"
WSGI_APPLICATION = "engagement.wsgi.application"
AUTH_USER_MODEL = "users.User"
LOGIN_URL = "dashboard:login"
# Every login (Verein and Wagtail admin) passes the shared throttle (engagement/security/throttle.py).
AUTHENTICATION_BACKENDS = ["engagement.security.backends.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "engagement.security.forms.StaffLoginForm"
LOGIN_REDIRECT_URL = "dashboard:overview"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "engagement.cities.context_processors.city_sections",
            ],
            "libraries": {
                "content_language": "engagement.content_language",
                "local_formats": "engagement.formatting",
                "pagination": "engagement.pagination",
            },
        },
    },
]


# --- Database -------------------------------------------------------------------------------------
def postgres_with_pool(database: dict) -> dict:
    """psycopg 3's pool (it replaces persistent connections; the two cannot be combined) and short waits:
    with the database away a request gets the 503 page after DATABASE_POOL_TIMEOUT, not a long hang."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return database
    database["CONN_MAX_AGE"] = 0
    options = database.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3))
    # No JIT compilation: it pays off for long analytic queries, not for the site's short ones, where
    # compiling cost more than it saved (67 ms of a 650 ms word search at 100 000 offers).
    options.setdefault("options", "-c jit=off")
    if env.bool("DATABASE_POOL", default=True):
        options["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
            "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=3.0),
        }
    return database


DATABASES = {
    "default": postgres_with_pool(env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))
}
# A read replica (streaming replication) for the public search and API: engagement/operations/database.py.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = postgres_with_pool(env.db("DATABASE_REPLICA_URL"))
    DATABASE_ROUTERS = ["engagement.operations.database.ReplicaRouter"]
# The public, read-only views whose reads may come from the replica (a second behind is fine there).
REPLICA_READ_VIEWS = [
    "search",
    "city_search",
    "search_feed",
    "search_suggest",
    "finder_results",
    "city_finder_results",
    "api_opportunities",
    "api_opportunity",
]
# Seconds a visitor is asked to wait (Retry-After) when the database is away.
DATABASE_UNAVAILABLE_RETRY_AFTER = 30
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Cache ----------------------------------------------------------------------------------------
def resilient_cache(config: dict) -> dict:
    """Redis away: each process answers from its own memory for a while (engagement/operations/cache.py)."""
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "engagement.operations.cache.ResilientRedisCache"
    return config


def page_cache_config(cache_url: str) -> dict:
    """The page cache's own alias (engagement/operations/pagecache.py): PAGE_CACHE_URL, else the same
    store as CACHE_URL (its keys carry their own prefix); in local memory a store of its own."""
    config = resilient_cache(env.cache_url_config(env("PAGE_CACHE_URL", default="") or cache_url))
    if config["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
        config.update(LOCATION="pages", OPTIONS={"MAX_ENTRIES": 2000})
    return config


CACHES = {
    "default": resilient_cache(env.cache("CACHE_URL", default="locmemcache://")),
    "pages": page_cache_config(env("CACHE_URL", default="locmemcache://")),
}
# Public pages for anonymous visitors: kept at most this long (and never past the next change or the
# next local midnight); 0 switches the page cache off. Reverse proxies and CDNs may keep a public page
# for PAGE_CACHE_PROXY_SECONDS (`s-maxage`); they are not told of changes, so keep it short.
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_PROXY_SECONDS = env.int("PAGE_CACHE_PROXY_SECONDS", default=60)
# How long the search page may count the numbers beside its filters for a selection not counted yet;
# longer, and the page goes out without them while a worker counts them (search/facets.py). 0: no limit.
SEARCH_FACET_BUDGET_MS = env.int("SEARCH_FACET_BUDGET_MS", default=50)
# Threads per process that count those numbers on a second database connection while the page's results
# are found and loaded (engagement/operations/alongside.py); 0: one after the other on one connection.
ALONGSIDE_THREADS = env.int("ALONGSIDE_THREADS", default=4)
# A streamed answer (the exports, /api/v2/export/) is kept only up to this size; larger ones stream anew.
PAGE_CACHE_MAX_STREAMED_BYTES = env.int("PAGE_CACHE_MAX_STREAMED_BYTES", default=32 * 1024 * 1024)

# --- Background work: celery for our tasks, django-tasks for Wagtail's own -------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
# Without a broker (the embedded default) tasks run in-process, right where they are enqueued.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
if not CELERY_BROKER_URL:
    # kombu's in-memory transport; naming its host keeps kombu from warning that none was supplied.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True  # every task of ours is idempotent, so a redelivery after a crash is safe
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # An unacknowledged task (its worker died) is handed out again after this many seconds.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_connect_timeout": 1,
    "socket_timeout": 5,
}
CELERY_TASK_DEFAULT_QUEUE = "engagement"
# Enqueueing with the broker away fails within about a second and is logged, never hangs the request
# (engagement/operations/publishing.py); the sweeps below send what was not enqueued.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TIMEZONE = "Europe/Berlin"
# Periodic work (run exactly one `celery -A engagement beat`); each entry fans out small idempotent tasks.
CELERY_BEAT_SCHEDULE = {
    "sweep-freshness": {"task": "dashboard.sweep_freshness", "schedule": 60 * 60 * 24},
    "send-unsent-mail": {"task": "mail.send_unsent_mail", "schedule": 5 * 60},
    "delete-sent-mail": {"task": "mail.delete_sent_mail", "schedule": 60 * 60 * 24},
    "apply-retention": {"task": "applications.apply_retention", "schedule": 60 * 60 * 24},
    "close-inactive-applications": {
        "task": "applications.close_inactive_applications",
        "schedule": 60 * 60 * 24,
    },
    "delete-expired-records": {"task": "retention.delete_expired_records", "schedule": 60 * 60 * 24},
    "queue-event-reminders": {"task": "applications.queue_event_reminders", "schedule": 60 * 60},
    "queue-shift-reminders": {"task": "shifts.queue_shift_reminders", "schedule": 60 * 60},
    "alert-short-shifts": {"task": "shifts.alert_short_shifts", "schedule": 60 * 60 * 24},
    "queue-reply-reminders": {"task": "applications.queue_reply_reminders", "schedule": 60 * 60},
    "update-reply-times": {"task": "applications.update_reply_times", "schedule": 60 * 60 * 24},
    "warm-search-facets": {"task": "search.warm_facet_counts", "schedule": 60},
    "geocode-pending": {"task": "opportunities.geocode_pending_opportunities", "schedule": 15 * 60},
    # The portal's counts are kept up to date on every change; this recomputes them exactly once a day.
    "recount-listed-opportunities": {
        "task": "opportunities.recount_listed_opportunities",
        "schedule": 60 * 60 * 24,
    },
    "send-search-alerts": {"task": "alerts.send_search_alerts", "schedule": 60 * 60},
    "expire-search-alerts": {"task": "alerts.expire_search_alerts", "schedule": 60 * 60 * 24},
    "expire-guardian-confirmations": {
        "task": "applications.expire_guardian_confirmations",
        "schedule": 60 * 60,
    },
    "remind-stale-needs": {"task": "needs.remind_stale_needs", "schedule": 60 * 60 * 24},
}
# Applications are deleted this many days after they were closed or their opportunity ended.
APPLICATION_RETENTION_DAYS = env.int("APPLICATION_RETENTION_DAYS", default=90)
# An open application without activity (status change, organisation keeping it open) for this many days
# is closed, after a mail to the organisation APPLICATION_CLOSING_NOTICE_DAYS before.
APPLICATION_INACTIVITY_DAYS = env.int("APPLICATION_INACTIVITY_DAYS", default=183)
APPLICATION_CLOSING_NOTICE_DAYS = env.int("APPLICATION_CLOSING_NOTICE_DAYS", default=14)
# People signed up for a shift get a reminder (with .ics) this many hours before it starts.
SHIFT_REMINDER_HOURS = env.int("SHIFT_REMINDER_HOURS", default=48)
# The Verein is told when a shift starting within this many days still has free places.
SHIFT_SHORT_ALERT_DAYS = env.int("SHIFT_SHORT_ALERT_DAYS", default=3)
# The reply promise (each city sets its days, default 7): the organisation is reminded when this many
# days of it are left (4 and 1: on day 3 and day 6 of 7); at its end the applicant is told that no answer
# came yet; APPLICATION_REPLY_CLOSE_DAYS later, still unanswered, the application closes itself.
APPLICATION_REPLY_REMINDER_DAYS_LEFT = sorted(
    env.list("APPLICATION_REPLY_REMINDER_DAYS_LEFT", cast=int, default=[4, 1]), reverse=True
)
APPLICATION_REPLY_CLOSE_DAYS = env.int("APPLICATION_REPLY_CLOSE_DAYS", default=14)
# "Answers usually within N days" on an organisation's profile: the median over the applications of this
# many days, shown only from this many applications on.
APPLICATION_REPLY_STATS_DAYS = env.int("APPLICATION_REPLY_STATS_DAYS", default=90)
APPLICATION_REPLY_STATS_MINIMUM = env.int("APPLICATION_REPLY_STATS_MINIMUM", default=5)
# A minor's application waits this many days for a parent's or guardian's confirmation; then it is deleted
# and the young applicant told.
GUARDIAN_CONFIRMATION_DAYS = env.int("GUARDIAN_CONFIRMATION_DAYS", default=7)

# Wagtail 8 runs reference-index updates, search indexing, image focal points and file deletion as
# django-tasks tasks. With a broker they go to our celery workers (after the transaction commits);
# without one they run inline, which is also what the embedded default wants.
TASKS = {
    "default": {
        "BACKEND": (
            "engagement.tasks_backend.CeleryTaskBackend"
            if not CELERY_TASK_ALWAYS_EAGER
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# --- Security headers -----------------------------------------------------------------------------
# Content-Security-Policy (django-csp 4): scripts only from our host or with the request's nonce, no
# inline script; styles allow inline attributes (the city's accent colour is a style attribute, KERN
# and Wagtail use them). The admin's exceptions live in engagement/security/headers.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [SELF],
    }
}
X_FRAME_OPTIONS = "DENY"
# The embeddable widget (search/widget.py) is the only page other sites may frame: by default any site
# ("*"); a list of origins ("https://www.bretten.de,https://tafel.example.org") allows only those.
WIDGET_FRAME_ANCESTORS = env.list("WIDGET_FRAME_ANCESTORS", default=["*"])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Passwords and sessions -----------------------------------------------------------------------
# At least 8 characters, no upper limit below Django's own (any length is hashed), checked against
# common passwords and the account's own name; no composition rules (ASVS 5.0 6.2).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Staff (everyone who may use the Wagtail admin): logged out after 30 idle minutes and 12 hours after
# the login however busy. Every session of an account ends when its password changes (Django's session
# hash) or it is deactivated (the model backend refuses inactive users).
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=12 * 60 * 60)
# Two-factor authentication (engagement/security/two_factor.py): the issuer the authenticator app shows.
OTP_TOTP_ISSUER = "Engagement vernetzt"

# --- Language and time ----------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # KERN UX, installed by npm (package.json) and served from our own host, never from a CDN: only the
    # parts our pages use, built from it by `make install` (frontend/build.mjs).
    ("kern", BASE_DIR / "frontend" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Mail -----------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Engagement vernetzt <noreply@localhost>")
# Seconds of silence after which the SMTP connection gives up (Django's SMTP backend reads it).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# The send task's soft time limit in seconds (the hard one is 10 s later); an SMTP session is a few
# round trips, each of which may take up to EMAIL_TIMEOUT.
MAIL_SEND_TIME_LIMIT = env.int("MAIL_SEND_TIME_LIMIT", default=3 * EMAIL_TIMEOUT)
# After this many failed attempts (backing off from 1 minute to 1 hour, about two days in all) a mail
# waits in the admin's outbox for an administrator to retry it.
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=48)
# Sent mails are deleted from the outbox this many days after they went out.
MAIL_RETENTION_DAYS = env.int("MAIL_RETENTION_DAYS", default=30)
# The mail sweep leaves mails this young to the task enqueued on commit (it would only duplicate it).
MAIL_SWEEP_GRACE_SECONDS = 120

# --- Wagtail --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Engagement vernetzt Mittelbaden"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", default=""),
        **({"SEARCH_CONFIG": "german"} if USING_POSTGRES else {}),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
# Documents always pass Wagtail's serve view, which applies the collection's privacy (a city's own
# collection: its editors only; "<Stadt> – öffentlich": everyone). The web server must never serve
# MEDIA_ROOT/documents/ itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only editors may read a restricted document: they log in at the admin's login (with two factors).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call home to a third-party host
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from gravatar.com: the admin would send every editor's e-mail hash to a third party (the
# CSP's img-src refuses it anyway; tests/e2e/test_security_headers.py found it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# One password reset for every account, the rate-limited one at /mein-verein/passwort/vergessen/;
# Wagtail's own (/admin/password_reset/) would be a second, unlimited one.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# The public JSON API (search/api.py) may be read by browsers on any other site; nothing else may.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Its OpenAPI description is generated by drf-spectacular from the views.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
# drf-spectacular's deploy check would build a schema of every DRF view, Wagtail's own admin API included
# (not ours, not public), and report that API's warnings. Our API's description is checked by the tests
# (tests/search/test_api.py validates /api/v2/openapi.json against the OpenAPI specification).
SPECTACULAR_SETTINGS = {"ENABLE_DJANGO_DEPLOY_CHECK": False}

# --- Geocoding ------------------------------------------------------------------------------------
# "offline" (default) resolves German postcodes and place names from data shipped with packages;
# "nominatim" or "photon" ask an online service through geopy, rate-limited.
GEOCODER = env("GEOCODER", default="offline")
GEOCODER_DOMAIN = env("GEOCODER_DOMAIN", default="")
GEOCODER_SCHEME = env("GEOCODER_SCHEME", default="https")  # "http" only for a server in the own network
GEOCODER_USER_AGENT = env("GEOCODER_USER_AGENT", default="engagement-vernetzt/0.1")
GEOCODER_MIN_DELAY_SECONDS = env.float("GEOCODER_MIN_DELAY_SECONDS", default=1.0)
# An online geocoder that does not answer within this is treated as failing; a citizen's search then
# says so at once for GEOCODER_FAILURE_CACHE_SECONDS instead of asking it again.
GEOCODER_TIMEOUT_SECONDS = env.float("GEOCODER_TIMEOUT_SECONDS", default=3.0)
GEOCODER_FAILURE_CACHE_SECONDS = env.int("GEOCODER_FAILURE_CACHE_SECONDS", default=60)
# Ambiguous place names ("Bruchhausen") resolve to the candidate nearest this point (Mittelbaden).
GEOCODER_BIAS = (48.93, 8.45)
# A failing geocoding service is asked again after 30 s, 60 s, 120 s, … (with random jitter).
GEOCODING_RETRY_BACKOFF_SECONDS = 30
GEOCODING_RETRY_JITTER = True

# --- Operations -----------------------------------------------------------------------------------
# Take the request id from X-Request-ID only where a proxy we trust sets it (and strips the client's).
REQUEST_ID_FROM_HEADER = env.bool("REQUEST_ID_FROM_HEADER", default=False)
# Each check of /readyz (database, cache, broker) gives up after this.
READINESS_TIMEOUT_SECONDS = 2.0
# Error reports to Sentry (or a compatible service) only when a DSN is set.
SENTRY_DSN = env("SENTRY_DSN", default="")

# "text" for people, "json" (one object per line) for log collectors; production defaults to json.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"()": "engagement.operations.log_formats.TextFormatter"},
        "json": {"()": "engagement.operations.log_formats.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action and django-tasks every task run at INFO: too loud for a console.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its progress steps at INFO for every certificate
    },
}
