"""Logs an operator can follow: a request id on every line, slow requests named.

* ``RequestLogMiddleware`` gives each request an id (the proxy's
  ``X-Request-ID`` when it sends a sane one, so the load balancer's and our lines
  match; otherwise a new one), answers it in ``X-Request-ID`` and logs every
  request slower than ``settings.SLOW_REQUEST_MS`` with method, path, status and
  duration (logger ``redaktion.slow``). The path is logged without its query
  string: search terms and tokens are readers' data.
* ``RequestIdFilter`` puts that id on every log record of the request, whoever
  logs it (Django, our apps, libraries).
* ``JsonLineFormatter``: one JSON object per line (``DJANGO_LOG_JSON=1``), the
  shape log shippers (journald, Vector, Loki, CloudWatch) read without a parser.
  A dozen lines of ``json.dumps``; a library such as python-json-logger would add
  a dependency for no more than that.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver

slow_logger = logging.getLogger("redaktion.slow")

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
_SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


def current_request_id() -> str:
    return _request_id.get()


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if _SANE_ID.fullmatch(offered) else uuid.uuid4().hex
        # Kept until the response is closed (``request_finished``), so that
        # Django's own line about a 4xx/5xx, written after the middleware, has it.
        _request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if elapsed_ms > settings.SLOW_REQUEST_MS:
            slow_logger.warning(
                "slow request %s %s %s %.0f ms",
                request.method,
                request.path,
                response.status_code,
                elapsed_ms,
                extra={"path": request.path, "duration_ms": round(elapsed_ms)},
            )
        response["X-Request-ID"] = request_id
        return response


@receiver(request_finished, dispatch_uid="core-request-id-forget")
def _forget_request_id(**kwargs) -> None:
    _request_id.set("-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


# What a LogRecord carries anyway; anything else on it came in ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "request_id",
}


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = (
                    value if isinstance(value, (int, float, bool)) else str(value)
                )
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
