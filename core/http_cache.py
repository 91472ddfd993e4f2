"""Pages a shared HTTP cache (Varnish, ``ops/varnish/``) may keep.

A reader without a login gets the same bytes as every other reader on the
article page, home, category, tag, author and archive pages and the feeds: the
per-request parts (CSRF tokens, the comment form's signed timestamp, the
current view count and rating) are placeholders the page's script fills from
one small request (``POST /live/<id>/``, ``articles.views.live``). Those
answers say so:

* ``Cache-Control: public, max-age=0, s-maxage=N``: browsers ask again, the
  shared cache keeps the page for ``CACHE_PAGE_SECONDS`` (list pages never past
  the next scheduled publication, see ``tag(max_age=…)``);
* no ``Set-Cookie`` and no ``Vary: Cookie``/``Accept-Language`` (the language
  comes from the path alone);
* ``X-Cache-Tags``: what the page shows (``article-12 home category-3 …``),
  which ``core.purge`` bans after a change.

Staff, logged-in readers, visitors with messages waiting, previews, the admin
and every POST get ``private, no-store``. A view marks its page as a reader
page with ``tag(request, …)``; the middleware decides.
"""

from django.conf import settings
from django.contrib.messages import get_messages
from django.utils.cache import patch_vary_headers

TAGS_ATTRIBUTE = "_cache_tags"
MAX_AGE_ATTRIBUTE = "_cache_max_age"
PRIVATE = "private, no-store"

# Reader pages tagged by their address alone (their views are generic).
PAGE_TAGS = {
    "discovery:archive": ("archive",),
    "discovery:archive-month": ("archive",),
    "authors:list": ("authors",),
}
FEED_PREFIX = "discovery:"
FEED_MARK = "feed"


def is_shared(request) -> bool:
    """Whether this request's page is the one every reader gets: no per-request
    part may go into its HTML."""
    cached = getattr(request, "_cache_shared", None)
    if cached is None:
        user = getattr(request, "user", None)
        cached = (
            request.method in ("GET", "HEAD")
            and not (user is not None and user.is_authenticated)
            and not _has_messages(request)
        )
        request._cache_shared = cached
    return cached


def _has_messages(request) -> bool:
    if not hasattr(request, "_messages"):
        return False
    return bool(len(get_messages(request)))  # len() leaves them unread


def tag(request, *tags: str, max_age: int | None = None) -> None:
    """Mark the page as a reader page showing ``tags``; ``max_age`` caps how
    long a shared cache may keep it (seconds)."""
    existing = getattr(request, TAGS_ATTRIBUTE, [])
    setattr(request, TAGS_ATTRIBUTE, [*existing, *tags])
    if max_age is not None:
        current = getattr(request, MAX_AGE_ATTRIBUTE, None)
        setattr(
            request,
            MAX_AGE_ATTRIBUTE,
            max_age if current is None else min(current, max_age),
        )


def page_tags(request) -> list[str] | None:
    tags = getattr(request, TAGS_ATTRIBUTE, None)
    match = getattr(request, "resolver_match", None)
    if match is not None:
        name = match.view_name
        if name in PAGE_TAGS:
            tags = [*(tags or []), *PAGE_TAGS[name]]
        elif name.startswith(FEED_PREFIX) and FEED_MARK in name:
            tags = [*(tags or []), "feeds"]
    return tags


class HttpCacheMiddleware:
    """Sets the caching headers of every answer (see the module's docstring).
    Placed before the session, locale and CSRF middleware, so it sees what they
    added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        tags = page_tags(request)
        if tags is None:
            if request.method not in ("GET", "HEAD") or _logged_in(request):
                response.headers.setdefault("Cache-Control", PRIVATE)
            return response
        shared = (
            response.status_code == 200 and is_shared(request) and not response.cookies
        )
        if shared and "Cache-Control" in response.headers:
            return response  # the view decided itself
        if shared:
            seconds = settings.CACHE_PAGE_SECONDS
            cap = getattr(request, MAX_AGE_ATTRIBUTE, None)
            if cap is not None:
                seconds = max(0, min(seconds, cap))
            response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
            _remove_vary(response, {"cookie", "accept-language"})
            response["X-Cache-Tags"] = " ".join(dict.fromkeys(["site", *tags]))
        else:
            response["Cache-Control"] = PRIVATE
        return response


def _logged_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _remove_vary(response, names: set[str]) -> None:
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() not in names
    ]
    del response["Vary"]
    if kept:
        patch_vary_headers(response, kept)
