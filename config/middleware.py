import logging

from django.conf import settings
from django.http import HttpResponse

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Add ``Permissions-Policy``: the site needs no camera, microphone, location…

    Django's SecurityMiddleware covers the other headers (nosniff, Referrer-Policy,
    COOP, HSTS); this one it does not know.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answer a styled 503 with ``Retry-After`` when the database cannot be reached.

    A restarting PostgreSQL (or a locked SQLite file past its timeout) raises
    ``OperationalError``/``InterfaceError``; that is an outage, not a bug, so the
    reader gets "try again shortly" instead of a 500. Connections are
    health-checked (``CONN_HEALTH_CHECKS``), so the site recovers by itself.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.template import loader

        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception)
        # 503.html needs no database: rendered without context processors.
        content = loader.get_template("503.html").render()
        response = HttpResponse(content, status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response
