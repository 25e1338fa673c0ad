"""The test settings' strictness (engagement/settings/test.py): an undefined variable in one of our own
templates fails the test; other packages' templates keep Django's empty string and their filters."""

import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.template.base import Origin

SOURCE = '{% load i18n %}[{{ missing|length }}][{{ missing|default:"y" }}]{% if missing %}x{% endif %}'


def template(path):
    engine = engines["django"].engine
    return Template(SOURCE, origin=Origin(name=str(path)), engine=engine)


def test_an_undefined_variable_in_our_own_template_fails():
    with pytest.raises(AssertionError, match="Undefined template variable 'missing'"):
        template(settings.BASE_DIR / "templates" / "components" / "example.html").render(Context({}))


def test_other_packages_templates_resolve_undefined_variables_as_django_does():
    foreign = settings.BASE_DIR / ".venv" / "lib" / "wagtail" / "templates" / "example.html"
    assert template(foreign).render(Context({})) == "[0][y]"
