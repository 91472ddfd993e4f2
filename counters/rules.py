"""What counts as a view: the rules shared by every endpoint that counts (the
article page, the beacon).

A request is a counted view of a published article when it is not from a bot, not
a prefetch or prerender, not from staff (unless ``VIEW_COUNT_STAFF``), the same
visitor has not been counted for the same article within ``VIEW_COUNT_WINDOW``
seconds, and the visitor's network has not yet added ``VIEW_COUNT_PER_NETWORK``
counted views of the article in the current window (a client that changes its
User-Agent with every request is a new visitor each time, but not a new network).

The window and the network's count are kept in ``core.windows``: in Redis, or in
the database on the embedded default, so every gunicorn worker sees them.
"""

import hashlib
import hmac
import logging
import time as clock
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from core.visitors import USER_AGENT_MAX, daily_secret, network_key, visitor_key
from core.windows import window_add, window_hit
from counters.bots import is_bot

logger = logging.getLogger(__name__)


def is_prefetch(request: HttpRequest) -> bool:
    """Speculative loads: ``Sec-Purpose: prefetch`` (and ``prefetch;prerender``)
    from Chromium, ``Purpose: prefetch`` from older browsers, ``X-Moz: prefetch``
    from Firefox, ``X-Purpose: preview`` from Safari's top-sites previews."""
    for header in ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE"):
        value = request.META.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return True
    return False


def view_visitor_key(request: HttpRequest, *, day: date | None = None) -> str:
    """Who is viewing, without a cookie of our own and without storing an IP.

    Logged-in visitors already have a session: their (validated) session key,
    hashed with the day's secret, so a changing IP does not count them twice.
    Everyone else: ``visitor_key`` (HMAC of IP and user agent, daily secret). An
    anonymous session cookie is not trusted: anyone can send a new random one with
    each request, which would make every request a new visitor.
    """
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is not None and user.is_authenticated and session and session.session_key:
        message = f"views-session\0{session.session_key}".encode()
        digest = hmac.new(daily_secret(day), message, hashlib.sha256).hexdigest()
        return "s" + digest[:31]
    return visitor_key(request, purpose="views", day=day)


def should_count(request: HttpRequest) -> bool:
    """The exclusion rules that need no state: bot, prefetch, staff."""
    if is_bot(request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX]):
        return False
    if is_prefetch(request):
        return False
    user = getattr(request, "user", None)
    return not (
        user is not None
        and user.is_authenticated
        and user.is_staff
        and not settings.VIEW_COUNT_STAFF
    )


def first_view_in_window(request: HttpRequest, article_id: int) -> bool:
    """True once per visitor and article within the window (atomic
    ``core.windows.window_add``, seen by every worker and host).

    The visitor key changes at midnight (daily secret). So that a reader at 23:55
    is not counted again at 00:05, during the first window of a day yesterday's
    key is looked up too; that links the two keys only for those minutes, and
    only in the short-lived window store.
    """
    window = settings.VIEW_COUNT_WINDOW
    now = timezone.localtime()
    today = now.date()
    key = f"counters:seen:{article_id}:{view_visitor_key(request, day=today)}"
    try:
        midnight = timezone.make_aware(datetime.combine(today, time.min))
        unless = ()
        if (now - midnight).total_seconds() < window:
            yesterday = view_visitor_key(request, day=today - timedelta(days=1))
            unless = (f"counters:seen:{article_id}:{yesterday}",)
        return window_add(key, seconds=window, unless=unless)
    except Exception:  # store down: count rather than lose views, or fail the page
        logger.warning("View window unavailable; counting", exc_info=True)
        return True


def network_may_add_view(request: HttpRequest, article_id: int) -> bool:
    """Whether the visitor's network is still under ``VIEW_COUNT_PER_NETWORK``
    counted views of the article in this counting window (0: no cap)."""
    cap = settings.VIEW_COUNT_PER_NETWORK
    if not cap:
        return True
    window = settings.VIEW_COUNT_WINDOW
    number = int(clock.time() // window)
    network = network_key(request, purpose="views")
    try:
        count = window_hit(
            f"counters:network:{article_id}:{network}:{number}", seconds=window + 1
        )
    except Exception:  # store down: count rather than lose views
        logger.warning("Network view cap unavailable; counting", exc_info=True)
        return True
    return count <= cap


def is_counted_view(request: HttpRequest, article_id: int) -> bool:
    return (
        should_count(request)
        and first_view_in_window(request, article_id)
        and network_may_add_view(request, article_id)
    )
