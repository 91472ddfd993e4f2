import logging

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.gzip import GZipMiddleware
from django.views.defaults import bad_request

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


class UnreadableRequestMiddleware:
    """Answer 400 to requests Django cannot read, before anything reads them.

    * A form body in another charset than UTF-8 (``charset=utf-16``): Django
      raises ``BadRequest`` on the first read of ``request.POST``, and again
      when its own 400 handler checks the CSRF token, which then ends in a 500.
    * A multipart body without a (valid) boundary.
    * NUL characters in the path or the query string: no client sends them
      on purpose, and PostgreSQL refuses them in a query (``DataError``).

    Placed before the session and CSRF middleware, which read the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return bad_request(request, BadRequest("NUL character in the address"))
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (parsed here, once)
            except (BadRequest, MultiPartParserError) as exc:
                request._mark_post_parse_error()
                return bad_request(request, exc)
        return self.get_response(request)


class ReaderCompressionMiddleware(GZipMiddleware):
    """gzip for what readers get: pages, feeds, sitemaps, JSON (static files
    come compressed from WhiteNoise; images and PDFs are compressed already).

    BREACH needs a secret and input the attacker controls in the same
    compressed body. Pages for anonymous readers hold no secret worth the
    attack: their CSRF tokens are masked anew in every response (Django), the
    comment form's signed timestamp and nonce are no secrets, and no page
    reflects the query string into a page with a token (links are built from
    the path). Django's GZipMiddleware also pads each response by a random
    length ("Heal the BREACH"). Where secrets and reflected input meet — the
    admin, and pages for logged-in users (session-bound tokens, their own
    data) — nothing is compressed.
    """

    COMPRESSIBLE = (
        "text/html",
        "text/plain",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/json",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        user = getattr(request, "user", None)
        if (
            content_type not in self.COMPRESSIBLE
            or (user is not None and user.is_authenticated)
            or request.path.startswith("/" + settings.ADMIN_URL)
        ):
            return response
        return super().process_response(request, response)
