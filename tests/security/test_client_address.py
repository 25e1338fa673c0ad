"""The client address behind trusted proxies: never from a header the client wrote itself."""

import pytest
from django.test import RequestFactory

from engagement.ratelimit import address_key, client_address


def request_from(remote="10.0.0.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("203.0.113.9", forwarded="198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_entries_the_client_wrote_are_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The attacker sends "X-Forwarded-For: 1.2.3.4"; the proxy appends the address it saw.
    request = request_from(forwarded="1.2.3.4, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from(forwarded="1.2.3.4, 203.0.113.9, 10.0.0.2")
    assert client_address(request) == "203.0.113.9"


def test_a_header_shorter_than_the_proxy_chain_keeps_the_proxy_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from(forwarded="203.0.113.9")) == "10.0.0.5"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "203.0.113.9, <script>"])
def test_a_missing_or_garbled_header_keeps_the_proxy_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from(forwarded=forwarded)) == "10.0.0.5"


def test_behind_one_proxy_the_client_address_is_taken(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from(forwarded=" 2001:db8::1 ")) == "2001:db8::1"


def test_an_ipv6_client_is_counted_by_its_network():
    assert address_key("2001:db8:0:1::1") == address_key("2001:db8:0:1:ffff::2") == "2001:db8:0:1::/64"
    assert address_key("2001:db8:0:2::1") != address_key("2001:db8:0:1::1")
    assert address_key("::ffff:203.0.113.9") == "203.0.113.9"
    assert address_key("203.0.113.9") == "203.0.113.9"
