"""Settings shared by every environment.

Every value that differs between machines comes from the environment (see README, "Konfiguration",
and `.env.example`). Without `DATABASE_URL` and `CELERY_BROKER_URL` the project runs on its embedded
defaults: SQLite and tasks executed in-process.
"""

from pathlib import Path

import environ
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

# Demo accounts with the password "demo" exist only where this is true; production forces it off.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    "engagement.users",
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
    "engagement.jobs",
    "home",
    "search",
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
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "engagement.urls"
WSGI_APPLICATION = "engagement.wsgi.application"
AUTH_USER_MODEL = "users.User"
LOGIN_URL = "dashboard:login"
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
            },
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's pool replaces persistent connections (the two cannot be combined).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if env.bool("DATABASE_POOL", default=True):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
            "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
            "timeout": 10,
        }
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

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
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_DEFAULT_QUEUE = "engagement"
CELERY_TIMEZONE = "Europe/Berlin"
# Periodic work (run exactly one `celery -A engagement beat`); each entry fans out small idempotent tasks.
CELERY_BEAT_SCHEDULE = {
    "sweep-freshness": {"task": "dashboard.sweep_freshness", "schedule": 60 * 60 * 24},
    "send-unsent-mail": {"task": "applications.send_unsent_mail", "schedule": 5 * 60},
    "apply-retention": {"task": "applications.apply_retention", "schedule": 60 * 60 * 24},
    "queue-event-reminders": {"task": "applications.queue_event_reminders", "schedule": 60 * 60},
    "warm-search-facets": {"task": "search.warm_facet_counts", "schedule": 60},
}
# Applications are deleted this many days after they were closed or their opportunity ended.
APPLICATION_RETENTION_DAYS = env.int("APPLICATION_RETENTION_DAYS", default=90)
# The mail sweep leaves mails this young to the task enqueued on commit (it would only duplicate it).
APPLICATION_MAIL_SWEEP_GRACE_SECONDS = 120

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

# --- Passwords ------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
    # KERN UX, installed by npm (package.json) and served from our own host, never from a CDN.
    ("kern", BASE_DIR / "node_modules" / "@kern-ux" / "native" / "dist"),
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
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin must not call home to a third-party host
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from Gravatar: editors' e-mail hashes stay here, and the admin loads nothing from elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Geocoding ------------------------------------------------------------------------------------
# "offline" (default) resolves German postcodes and place names from data shipped with packages;
# "nominatim" or "photon" ask an online service through geopy, rate-limited.
GEOCODER = env("GEOCODER", default="offline")
GEOCODER_DOMAIN = env("GEOCODER_DOMAIN", default="")
GEOCODER_USER_AGENT = env("GEOCODER_USER_AGENT", default="engagement-vernetzt/0.1")
GEOCODER_MIN_DELAY_SECONDS = env.float("GEOCODER_MIN_DELAY_SECONDS", default=1.0)
# Ambiguous place names ("Bruchhausen") resolve to the candidate nearest this point (Mittelbaden).
GEOCODER_BIAS = (48.93, 8.45)
# A failing geocoding service is asked again after 30 s, 60 s, 120 s, … (with random jitter).
GEOCODING_RETRY_BACKOFF_SECONDS = 30
GEOCODING_RETRY_JITTER = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action and django-tasks every task run at INFO: too loud for a console.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
    },
}
