"""Every rate limit is declared in one table and counted per real client address."""

import ast
from pathlib import Path

import pytest
from django.test import Client

from engagement.moderation.models import ContentReport
from engagement.ratelimit import LIMITS, RateLimited, hit
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

BUDGET = LIMITS["content-report"].attempts


def client_for():
    return Client(REMOTE_ADDR="10.0.0.5")  # every request arrives from the proxy's address


def report(client, page, **headers):
    return client.post(f"/melden/{page.pk}/", {"reason": "wrong"}, **headers)


def test_an_undeclared_limit_is_refused():
    with pytest.raises(KeyError, match="LIMITS"):
        hit("made-up-limit", "203.0.113.9")


def test_a_forged_forwarded_header_does_not_buy_a_new_budget(settings, bretten):
    settings.TRUSTED_PROXY_COUNT = 0
    page = make_opportunity(city=bretten)
    for number in range(BUDGET):
        assert report(client_for(), page, HTTP_X_FORWARDED_FOR=f"198.51.100.{number}").status_code == 200
    response = report(client_for(), page, HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429
    assert ContentReport.objects.count() == BUDGET


def test_behind_the_proxy_an_attacker_cannot_escape_the_budget_by_prefixing_addresses(settings, bretten):
    settings.TRUSTED_PROXY_COUNT = 1
    page = make_opportunity(city=bretten)
    for number in range(BUDGET):
        forged = f"198.51.100.{number}, 203.0.113.9"
        assert report(client_for(), page, HTTP_X_FORWARDED_FOR=forged).status_code == 200
    assert report(client_for(), page, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9").status_code == 429


def test_behind_the_proxy_citizens_do_not_share_one_budget(settings, bretten):
    settings.TRUSTED_PROXY_COUNT = 1
    page = make_opportunity(city=bretten)
    for _ in range(BUDGET):
        report(client_for(), page, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert report(client_for(), page, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    # Every request comes from the proxy's REMOTE_ADDR; another citizen still has the whole budget.
    assert report(client_for(), page, HTTP_X_FORWARDED_FOR="203.0.113.10").status_code == 200


def test_the_budget_ends_exactly_at_the_declared_number():
    for _ in range(LIMITS["register"].attempts):
        hit("register", "203.0.113.9")
    with pytest.raises(RateLimited):
        hit("register", "203.0.113.9")


def test_every_limit_used_in_the_code_is_declared_and_no_number_is_passed_beside_it():
    used = set()
    for path in Path("engagement").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            if getattr(node.func, "id", getattr(node.func, "attr", "")) == "hit":
                assert not node.keywords, f"{path}: the numbers belong in engagement.ratelimit.LIMITS"
                if isinstance(node.args[0], ast.Constant):
                    used.add(node.args[0].value)
    assert used <= set(LIMITS)
    assert {"apply-address", "apply-email", "content-report", "legal-feedback", "register"} <= used
