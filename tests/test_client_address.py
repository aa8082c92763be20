"""mapping.clients.client_address: the one definition of who is asking, for every limit."""

import pytest
from django.test import RequestFactory

from mapping.clients import client_address


def _address(forwarded: str | None = None, remote: str = "10.0.0.5") -> str:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.9", "1.1.1.1, 203.0.113.9"])
def test_without_trusted_proxies_the_connection_is_the_client(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 0
    assert _address(forwarded) == "10.0.0.5"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("198.51.100.1, 203.0.113.9", "203.0.113.9"),  # a forged entry stands to the left
        (" 198.51.100.1 ,203.0.113.9 ", "203.0.113.9"),
        ("198.51.100.1, 2001:db8::1", "2001:db8::1"),
        ("2001:0db8:0000::0001", "2001:db8::1"),  # one spelling of an address, one count
    ],
)
def test_behind_one_proxy_the_rightmost_entry_is_the_client(settings, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = 1
    assert _address(forwarded) == client


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert _address("198.51.100.1, 203.0.113.9, 10.0.0.7") == "203.0.113.9"


@pytest.mark.parametrize("forwarded", [None, "", " , ", "not-an-address", "203.0.113.9:443"])
def test_a_missing_or_unreadable_entry_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert _address(forwarded) == "10.0.0.5"


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_connection(settings):
    """The request did not pass through every declared proxy: its header is the client's own."""
    settings.TRUSTED_PROXY_COUNT = 2
    assert _address("203.0.113.9") == "10.0.0.5"
