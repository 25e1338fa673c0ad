import pytest
from django.contrib.auth.models import Group
from django.test import TestCase

from tests.factories import MembershipFactory, UserFactory, make_opportunity


@pytest.fixture
def editor(bretten):
    user = UserFactory(username="redaktion-bretten", email="redaktion@bretten.example.org")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


@pytest.fixture
def member(verein_bretten):
    return MembershipFactory(organisation=verein_bretten, user=UserFactory(username="verein-bretten")).user


@pytest.fixture
def page(verein_bretten):
    return make_opportunity(organisation=verein_bretten, title="Lesepat:in")


def committed(function, *args, **kwargs):
    """Call a service and run what it enqueues after its commit (a view's request would commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return function(*args, **kwargs)
