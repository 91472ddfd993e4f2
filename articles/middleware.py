"""The live request's short way through the middleware (``articles.views.live``).

Behind the HTTP cache every page view of a reader reaches Django only as
``POST /live/<id>/``. Through the whole middleware stack that request cost four
times what the view does (sessions, authentication, messages, the locale's
resolver, the content security policy, axes… none of which it uses). Readers
without a session cookie — everyone but staff and logged-in readers — are
answered here instead, placed after the security headers, the host check and
the request log, with what the view needs:

* the language of the address (``/en/live/…``), as ``LocaleMiddleware`` would;
* an anonymous user: without a session cookie there is nobody logged in, so
  nobody to exclude as staff;
* the CSRF cookie that belongs to the token in the answer, set by Django's own
  ``CsrfViewMiddleware`` around the view (the view is exempt from the check);
* 503 with ``Retry-After`` when the database is down, as
  ``config.middleware.DatabaseUnavailableMiddleware`` answers the full way.

A request with a session cookie takes the full way, so staff are recognised
(and not counted) exactly as on a page request.
"""

from functools import lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation

from articles import views

LIVE_PATH_PART = "/live/"
RETRY_AFTER_SECONDS = 30


class LiveRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.answer_with_cookie = CsrfViewMiddleware(self.answer)

    def __call__(self, request):
        if not self.takes_short_way(request):
            return self.get_response(request)
        request.get_host()  # 400 for a host not allowed, as CommonMiddleware
        language = (
            translation.get_language_from_path(request.path_info)
            or settings.LANGUAGE_CODE
        )
        match = live_address(language, request.path_info)
        if match is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            request.resolver_match = match
            request.user = AnonymousUser()
            return self.answer_with_cookie(request)

    @staticmethod
    def takes_short_way(request) -> bool:
        return (
            request.method == "POST"
            and LIVE_PATH_PART in request.path_info
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def answer(request):
        match = request.resolver_match
        try:
            return match.func(request, *match.args, **match.kwargs)
        except (OperationalError, InterfaceError):
            response = JsonResponse({"error": "database unavailable"}, status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response


@lru_cache(maxsize=4096)
def live_address(language: str, path: str):
    """The URL resolver's match if ``path`` is a live request's address in
    ``language``, else None. Remembered: resolving walks the whole URLconf,
    a tenth of the answer (a ResolverMatch is never changed)."""
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return match if match.func is views.live else None
