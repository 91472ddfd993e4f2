"""Who is this visitor? Identification without storing raw IP addresses (GDPR).

Shared by the feature apps (ratings, counters, comments) and search. Two keys,
both HMACs under a random secret that rotates every day: stable within a day,
unlinkable across days, and no way back to the address once the day's secret
is deleted.

* ``visitor_key``: address and User-Agent, to tell readers apart (one vote,
  one counted view per reader).
* ``network_key``: the client's *network* alone (``client_network``), for
  limits that must hold whatever the User-Agent says: rate limits, and how
  many votes and views one network may add.
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


# The smallest block one client controls: an IPv6 subscriber gets a /64 at
# least (and may use any of its 2^64 addresses); an IPv4 address is scarce and
# is the unit one client has, while its /24 would lump together unrelated
# customers of a provider's dynamic pool or a university.
IPV6_NETWORK_PREFIX = 64


def client_network(request: HttpRequest) -> str:
    """The client's network: its IPv4 address, or its IPv6 /64 (an IPv4-mapped
    IPv6 address counts as the IPv4 address); empty if not an address."""
    try:
        ip = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return ""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.version == 4:
        return str(ip)
    network = ipaddress.ip_network(f"{ip}/{IPV6_NETWORK_PREFIX}", strict=False)
    return str(network)


def network_key(request: HttpRequest, *, purpose: str, day: date | None = None) -> str:
    """A 32-character hex key for the client's network today (see
    ``client_network``); ``purpose`` keeps the keys of features unlinkable."""
    message = f"{purpose}\0network\0{client_network(request)}".encode()
    return hmac.new(daily_secret(day), message, hashlib.sha256).hexdigest()[:32]


def anonymize_ip(address: str) -> str | None:
    """Truncate for storage: IPv4 to /24, IPv6 to /48; ``None`` if not an address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def same_origin(request: HttpRequest) -> bool:
    """Browsers send ``Origin`` with every POST; refuse other sites' pages
    (``"null"`` never matches)."""
    from urllib.parse import urlsplit

    origin = request.headers.get("Origin")
    if not origin:
        return request.headers.get("Sec-Fetch-Site", "same-origin") == "same-origin"
    return urlsplit(origin).netloc == request.get_host()
