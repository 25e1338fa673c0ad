"""Registration does the same work for a known and a new address: no timing oracle."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {"first_name": "Jana", "last_name": "Vogel", "password": "Ehrenamt-2026"}


class CountingHasher(MD5PasswordHasher):
    """The test suite's hasher, counting how often a password is hashed (the costly step)."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def hashes(settings):
    settings.PASSWORD_HASHERS = ["tests.security.test_registration.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def test_a_known_address_costs_the_same_hashing_as_a_new_one(hashes, django_capture_on_commit_callbacks):
    UserFactory(username="bekannt", email="jana@verein.example.org")
    hashes.calls = 0
    known = Client().post("/mein-verein/registrieren/", {**SIGNUP, "email": "Jana@Verein.example.org"})
    known_hashes, hashes.calls = hashes.calls, 0
    new = Client().post("/mein-verein/registrieren/", {**SIGNUP, "email": "neu@verein.example.org"})
    assert known_hashes == hashes.calls == 1
    assert known.status_code == new.status_code == 200
    assert known.content.decode().replace("jana@verein.example.org", "X").replace(
        "Jana@Verein.example.org", "X"
    ) == new.content.decode().replace("neu@verein.example.org", "X")
