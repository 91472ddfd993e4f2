"""Rate limits for public endpoints (votes, comments, search, mails), in one place.

Fixed windows counted by ``core.windows``: in Redis when the site has it, in the
database otherwise, so a limit holds across all workers and hosts. The limits
themselves live in ``settings.RATE_LIMITS`` so operators can tune them.

Visitors are limited per *network* (``rate_limit_network``; see
``core.visitors.client_network``): a client that changes its User-Agent, or
rotates through the addresses of its IPv6 /64, is still the same client.
Other keys (``rate_limit_hit``) limit e.g. mails to one address.

If the store is unreachable, requests are allowed (fail open): a rate limit must
never take the site down with it.

A request over its limit is answered by ``too_many_requests``: 429 with
``Retry-After``, as JSON for scripts and as a page otherwise.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from core.visitors import network_key
from core.windows import window_hit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    limit: int
    retry_after: int  # seconds until the current window ends (0 when allowed)


def parse_rate(rate: str) -> tuple[int, int]:
    """``"20/m"`` → (20, 60); units s, m, h, d, or a number of seconds (``"5/600"``)."""
    count, _, period = rate.partition("/")
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    seconds = units[period] if period in units else int(period)
    return int(count), seconds


def rate_limit_hit(*, scope: str, key: str) -> RateLimitResult:
    """Count one request of ``key`` in ``scope`` (e.g. ``"vote"``).

    ``key`` must not be personal data as it is (it may be stored): a network
    key, or an HMAC. ``settings.RATE_LIMITS[scope]`` is a rate like ``"20/m"``;
    a missing scope or ``None`` means unlimited.
    """
    rate = settings.RATE_LIMITS.get(scope)
    if not rate:
        return RateLimitResult(allowed=True, limit=0, retry_after=0)
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    try:
        count = window_hit(f"ratelimit:{scope}:{key}:{window}", seconds=period + 1)
    except Exception:  # store down: fail open, but say so in the log
        logger.warning(
            "Rate limit store unavailable; allowing %s", scope, exc_info=True
        )
        return RateLimitResult(allowed=True, limit=limit, retry_after=0)
    if count <= limit:
        return RateLimitResult(allowed=True, limit=limit, retry_after=0)
    retry_after = max(1, (window + 1) * period - int(time.time()))
    return RateLimitResult(allowed=False, limit=limit, retry_after=retry_after)


def rate_limit_network(request: HttpRequest, *, scope: str) -> RateLimitResult:
    """Count one request of the client's network in ``scope``."""
    return rate_limit_hit(
        scope=scope, key=network_key(request, purpose=f"ratelimit:{scope}")
    )


def wants_json(request: HttpRequest) -> bool:
    """Whether a script's ``fetch()`` asked for JSON rather than a page."""
    return "application/json" in request.headers.get("Accept", "")


def too_many_requests(
    request: HttpRequest,
    limit: RateLimitResult,
    *,
    message: str,
    template: str,
    context: dict | None = None,
) -> HttpResponse:
    """429 with ``Retry-After``: ``{"ok": false, "error": message}`` for scripts,
    else ``template`` rendered with ``message`` and ``retry_after`` added to
    ``context``."""
    if wants_json(request):
        response = JsonResponse({"ok": False, "error": message}, status=429)
    else:
        context = {**(context or {}), "message": message}
        context["retry_after"] = limit.retry_after
        response = render(request, template, context, status=429)
    response["Retry-After"] = str(limit.retry_after)
    return response
