"""The test suite: PostgreSQL and Redis as in production (see Makefile), fast password hashing.

Tasks run eagerly unless a test is about the worker; those start a real celery worker themselves.
"""

from .base import *  # noqa: F403

DEBUG = False
DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", ".localhost"]
CITY_HOSTS = {}  # the tests of the city hosts (tests/cities/test_sites.py) switch them on themselves
GEOCODING_RETRY_BACKOFF_SECONDS = 1
GEOCODING_RETRY_JITTER = False
