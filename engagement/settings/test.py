"""The test suite: PostgreSQL and Redis as in production (see Makefile), fast password hashing.

Tasks run eagerly unless a test is about the worker; those start a real celery worker themselves.
"""

import functools
import inspect
import os
from pathlib import Path

from django.template.base import Variable

from .base import *  # noqa: F403

DEBUG = False
DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# Under pytest-xdist each process has its own Redis database, so their real workers never share a queue.
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _xdist_worker.startswith("gw") and CELERY_BROKER_URL.startswith("redis://"):  # noqa: F405
    _base, _, _number = CELERY_BROKER_URL.rpartition("/")  # noqa: F405
    if _number.isdigit():
        CELERY_BROKER_URL = f"{_base}/{(int(_number) - int(_xdist_worker[2:]) - 1) % 16}"
# A second alias on the test database, as a read replica would be (tests/operations/test_replica.py
# installs the router); unused otherwise. Without a pool: one left open keeps the database from being
# dropped at the end.
_primary = DATABASES["default"]  # noqa: F405
DATABASES["replica"] = {  # noqa: F405
    **_primary,
    "OPTIONS": {key: value for key, value in _primary.get("OPTIONS", {}).items() if key != "pool"},
    "TEST": {"MIRROR": "default"},
}
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


class UndefinedTemplateVariable(str):
    """`string_if_invalid` of the tests: an undefined variable in one of our own templates fails the test
    (STYLE.md). Templates of Django, Wagtail and other packages keep their documented "empty string"."""

    own_template_folders = ("templates", "engagement", "home", "search")

    def __mod__(self, variable):
        origin = self._innermost_template_origin()
        if origin is None or not self._is_own(origin):
            return self._resolve_as_django_does()
        raise AssertionError(f"Undefined template variable '{variable}' in {origin}")

    def _resolve_as_django_does(self):
        """Resolve the expression again with the default empty `string_if_invalid`, so that its filters
        still apply (`{{ items|length }}` is 0, `{{ x|default:"y" }}` is "y"), as other templates expect."""
        frame = inspect.currentframe()
        while frame is not None and frame.f_code.co_name != "resolve":
            frame = frame.f_back
        if frame is None:
            return ""
        expression, context = frame.f_locals["self"], frame.f_locals["context"]
        engine = context.template.engine
        engine.string_if_invalid = ""
        try:
            return expression.resolve(context)
        finally:
            engine.string_if_invalid = self

    @staticmethod
    def _innermost_template_origin():
        frame = inspect.currentframe()
        while frame is not None:
            if frame.f_code.co_name in {"render", "render_annotated"}:
                node = frame.f_locals.get("self")
                origin = getattr(node, "origin", None)
                if origin is not None and getattr(origin, "name", None):
                    return origin.name
            frame = frame.f_back
        return None

    def _is_own(self, template_path):
        try:
            relative = Path(template_path).relative_to(BASE_DIR)  # noqa: F405
        except ValueError:
            return False
        return relative.parts[0] in self.own_template_folders


def _failed_lookups_empty_in_other_templates(resolve_lookup):
    """A lookup or method call that fails silently (`{% with revision.get_previous as previous %}` on
    the first revision raises DoesNotExist) yields `string_if_invalid` itself, unformatted, so
    `UndefinedTemplateVariable.__mod__` never sees it and "%s" would count as true. In templates of
    other packages it is the empty string again, as with Django's default (Wagtail's workflow panel
    then leaves out its "Compare with previous version" link instead of failing to reverse it)."""

    @functools.wraps(resolve_lookup)
    def wrapper(self, context):
        value = resolve_lookup(self, context)
        invalid = context.template.engine.string_if_invalid
        if value is invalid and isinstance(invalid, UndefinedTemplateVariable):
            origin = invalid._innermost_template_origin()
            if origin is None or not invalid._is_own(origin):
                return ""
        return value

    return wrapper


Variable._resolve_lookup = _failed_lookups_empty_in_other_templates(Variable._resolve_lookup)
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = UndefinedTemplateVariable("%s")  # noqa: F405
