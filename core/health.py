"""``/healthz`` for load balancers and monitors: can this host serve readers?

Answered by ``HealthCheckMiddleware``, first in ``MIDDLEWARE``, so that nothing
in front of it gets in the way of a load balancer's probe: it is not redirected
to HTTPS (probes speak plain HTTP to the host), not refused for the host name
(probes use the host's address), gets no session, language or CSRF cookie, is
never cached (``no-store``) and counts nothing.

Each part is checked by a small real operation: the database runs ``SELECT 1``,
the cache stores and reads a key (Redis: a ``PING`` that bypasses the circuit
breaker of ``config.cache``, which would otherwise report a dead Redis as a
miss), the media storage: the local media folder exists and is writable, object
storage answers whether a file exists (a read, no upload on every probe).
The answer names the parts and whether they work, nothing else: errors go to
the log, not to whoever asks.
"""

import logging
import os
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_check() -> None:
    ping = getattr(cache, "ping", None)
    if ping is not None:
        ping()
        return
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def storage_check() -> None:
    if isinstance(default_storage, FileSystemStorage):
        # The local disk: a host that cannot write its media folder cannot
        # take uploads, cache PDFs or renditions.
        location = default_storage.location
        if not (os.path.isdir(location) and os.access(location, os.W_OK)):
            raise RuntimeError("the media folder is missing or not writable")
        return
    default_storage.exists("healthz-probe")


CHECKS: dict[str, Callable[[], None]] = {
    "database": database_check,
    "cache": cache_check,
    "storage": storage_check,
}


def health_report() -> dict[str, str]:
    """``{part: "ok" | "failing"}`` for every part in ``CHECKS``."""
    report = {}
    for part, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure of a part is that part failing
            logger.warning("Health check: %s failing", part, exc_info=True)
            report[part] = "failing"
        else:
            report[part] = "ok"
    return report


def health_response(request) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
    else:
        report = health_report()
        failing = [part for part, state in report.items() if state != "ok"]
        response = JsonResponse(
            {"status": "failing" if failing else "ok", "checks": report},
            status=503 if failing else 200,
        )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health_response(request)
        return self.get_response(request)
