"""What a reader sees when a form's CSRF token is missing or wrong.

Reader pages are the same for everyone (``core.http_cache``): their forms get
the CSRF token from the page's live request. Without JavaScript, or when that
request failed, a rating or comment arrives without a token. Instead of
Django's 403 page, which loses what the reader typed, the app that owns the
address shows the same form again, filled in, with a fresh token: one more
click (``CSRF_FAILURE_VIEW``).

Feature apps register their form's page by view name::

    @csrf.fallback("ratings:vote")
    def vote_again(request, slug): ...

returning a response, or ``None`` for Django's usual page.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.views import csrf

FALLBACKS: dict[str, Callable[..., HttpResponse | None]] = {}


def fallback(view_name: str):
    def register(page: Callable[..., HttpResponse | None]):
        FALLBACKS[view_name] = page
        return page

    return register


@contextmanager
def temporarily(view_name: str, page: Callable) -> Iterator[None]:
    """Register ``page`` for the duration of a ``with`` block (tests)."""
    before = FALLBACKS.get(view_name)
    FALLBACKS[view_name] = page
    try:
        yield
    finally:
        if before is None:
            FALLBACKS.pop(view_name, None)
        else:
            FALLBACKS[view_name] = before


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is not None and match.view_name in FALLBACKS:
        response = FALLBACKS[match.view_name](request, *match.args, **match.kwargs)
        if response is not None:
            response["Cache-Control"] = "private, no-store"
            return response
    return csrf.csrf_failure(request, reason)
