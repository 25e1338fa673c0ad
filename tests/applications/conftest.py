import re

import pytest
from django.core.cache import cache
from django.test import TestCase

from engagement.applications.models import AccessToken, Application
from tests.factories import MembershipFactory, UserFactory, make_opportunity

DATA = {"name": "Mia Kraus", "email": "Mia@Example.org", "message": "Ich lese gern vor.", "consent": "on"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Lesepat:in", volunteers_needed=1)


def post(client, path, data=None, **extra):
    """POST as the browser does; what the view enqueues after its commit runs (as in production)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {}, **extra)


def committed(function, *args, **kwargs):
    """Call a service and run what it enqueues after its commit (a view's request would commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return function(*args, **kwargs)


def apply(client, page, remote_addr="127.0.0.1", **overrides):
    return post(client, f"/bewerben/{page.pk}/", {**DATA, **overrides}, REMOTE_ADDR=remote_addr)


def links(mails, pattern):
    """Site paths of the links in `mails` whose path contains `pattern`, oldest first."""
    return [
        path
        for mail in mails
        for path in re.findall(r"http://testserver(/\S+)", mail.body)
        if pattern in path
    ]


def status_links(mails):
    """The applicants' private status links in `mails`, oldest first (not the confirmation links)."""
    return [path for path in links(mails, "/bewerbung/") if "/bewerbung/bestaetigen/" not in path]


def opened_by_link_in(mail) -> Application:
    """The application the status link in `mail` opens (each mail carries a token of its own)."""
    [path] = status_links([mail])
    token = path.rstrip("/").rsplit("/", 1)[1]
    return Application.objects.with_token(token, AccessToken.Purpose.STATUS).get()


@pytest.fixture
def confirmed(client, page, mailoutbox):
    """Apply and confirm through the real forms; returns (application, status link path)."""

    def make(opportunity=None, **overrides):
        opportunity = opportunity or page
        apply(client, opportunity, **overrides)
        post(client, links(mailoutbox, "/bewerbung/bestaetigen/")[-1])
        application = Application.objects.filter(opportunity=opportunity).latest("created_at")
        assert application.confirmed_at is not None
        return application, status_links(mailoutbox)[-1]

    return make
