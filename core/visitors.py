"""Who is this visitor? Identification without storing raw IP addresses (GDPR).

Shared by the feature apps (ratings, counters, comments) and search. The key
is an HMAC of IP address and user agent under a random secret that rotates
every day: stable for one visitor within a day, unlinkable
across days, and no way back to the IP address once the day's secret is deleted.
"""

import hashlib
import hmac
import ipaddress
from datetime import date

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

USER_AGENT_MAX = 512


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or, behind ``TRUSTED_PROXY_COUNT``
    reverse proxies, the address the outermost of them saw."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def anonymized_client_ip(request: HttpRequest) -> str | None:
    """The client address truncated for storage (used by django-axes)."""
    return anonymize_ip(client_ip(request))


_secrets: dict[date, bytes] = {}  # per process; a day's secret never changes


def daily_secret(day: date | None = None) -> bytes:
    """The random secret of ``day``, shared by all workers and hosts through the
    database (one query per process and day), and deleted two days later by
    ``manage.py privacy_cleanup``: from then on no key of that day can be traced
    back to an address, not even by someone who knows ``SECRET_KEY``."""
    day = day or timezone.localdate()
    if day not in _secrets:
        from core.models import VisitorSecret

        for old in [known for known in _secrets if abs((known - day).days) > 2]:
            del _secrets[old]
        _secrets[day] = VisitorSecret.objects.for_day(day)
    return _secrets[day]


def visitor_key(request: HttpRequest, *, purpose: str, day: date | None = None) -> str:
    """A 32-character hex key for this visitor today.

    ``purpose`` (e.g. ``"views"``, ``"ratings"``) keeps the keys of different
    features unlinkable to each other.
    """
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX]
    message = f"{purpose}\0{client_ip(request)}\0{user_agent}".encode()
    return hmac.new(daily_secret(day), message, hashlib.sha256).hexdigest()[:32]


def anonymize_ip(address: str) -> str | None:
    """Truncate for storage: IPv4 to /24, IPv6 to /48; ``None`` if not an address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)
