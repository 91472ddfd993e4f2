from datetime import date

import pytest
from django.test import RequestFactory

from core.visitors import anonymize_ip, client_ip, visitor_key


def request(ip="203.0.113.7", agent="Firefox", forwarded=None):
    extra = {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.django_db
def test_visitor_key_is_stable_within_a_day_and_holds_no_ip():
    day = date(2026, 6, 15)
    key = visitor_key(request(), purpose="views", day=day)
    assert key == visitor_key(request(), purpose="views", day=day)
    assert len(key) == 32 and "203" not in key


@pytest.mark.django_db
def test_visitor_key_differs_by_ip_agent_purpose_and_day():
    day = date(2026, 6, 15)
    key = visitor_key(request(), purpose="views", day=day)
    assert key != visitor_key(request(ip="203.0.113.8"), purpose="views", day=day)
    assert key != visitor_key(request(agent="Chrome"), purpose="views", day=day)
    assert key != visitor_key(request(), purpose="ratings", day=day)
    assert key != visitor_key(request(), purpose="views", day=date(2026, 6, 16))


def test_client_ip_ignores_forwarded_for_unless_proxies_are_trusted(settings):
    spoofed = request(ip="10.0.0.1", forwarded="198.51.100.1, 203.0.113.9")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(spoofed) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(spoofed) == "203.0.113.9"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer hops than proxies: fall back
    assert client_ip(spoofed) == "10.0.0.1"


@pytest.mark.parametrize(
    ("address", "stored"),
    [
        ("203.0.113.77", "203.0.113.0"),
        ("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::"),
        ("kein-ip", None),
        ("", None),
    ],
)
def test_anonymize_ip(address, stored):
    assert anonymize_ip(address) == stored


@pytest.mark.django_db(transaction=True)
def test_daily_secret_is_random_stored_once_and_shared():
    from core import visitors
    from core.models import VisitorSecret

    day = date(2030, 1, 2)
    visitors._secrets.pop(day, None)
    secret = visitors.daily_secret(day)
    assert len(secret) == 32
    assert bytes(VisitorSecret.objects.get(day=day).secret) == secret
    visitors._secrets.pop(day)  # another worker: reads the same secret
    assert visitors.daily_secret(day) == secret
    assert visitors.daily_secret(date(2030, 1, 3)) != secret
