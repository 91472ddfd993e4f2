"""Readers' pages kept whole in each worker's memory: the page cache of a site
without an HTTP cache in front (the embedded default).

Since the per-request parts left the HTML (``core.http_cache``), a page marked
for a shared cache (``Cache-Control: public`` and ``X-Cache-Tags``) is the same
bytes for every reader. Behind Varnish the cache keeps it; without one, every
reader's request rendered it again in Django. This middleware keeps the answer
— status, headers, body — for ``PAGE_STORE_SECONDS`` and answers the next
reader's request for the same address with it, before sessions, CSRF, URL
resolving and the view run. What WP Super Cache does for WordPress.

Not stale for content: the key holds the content version
(``articles.fragments.content_version``, registered by the articles app with
``version_source``), which every save of an article, author, category, tag or
comment changes, and the passing of a scheduled publication time too, in the
database that every worker and host reads. A worker reads it at most once a
second (``VERSION_SECONDS``: a reader sees a change within one second, the
promise of the HTTP cache's purges too), and at once after a change it made
itself (``version_changed``), so a stored page costs no query at all when
nothing counts it. What a page shows that no save
changes — the view count and the rating as of the rendering — may be up to
``PAGE_STORE_SECONDS`` old in the HTML; the page's live request
(``POST /live/<id>/``) puts the current ones in, as behind Varnish.

What a view does for every request besides rendering (the article page counts
a view) is done for a stored answer too: the view leaves a note with
``note(request, name, value)``, the note is kept with the answer, and the
listeners registered with ``on_hit`` get it on every hit.

Only readers' plain GET requests: a session or messages cookie (a login, a
message to show), a conditional request or a HEAD request goes the ordinary
way, and so does every answer that is not a reader's 200 page. Off (0) when
``CACHE_PURGE_URLS`` names a cache in front: that cache keeps the pages and is
purged on every change, which a copy here would outlive.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse

CACHE_ALIAS = "pages"
NOTE_ATTRIBUTE = "_page_store_note"
HIT_HEADER = "X-Page-Store"
# What the store must not answer from a copy: a conditional request wants a
# 304 that the view decides, and these cookies mean the page is not the
# readers' one (logged in, a message waiting; core.http_cache.is_shared).
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")

# How long a worker reuses the content version it read (seconds).
VERSION_SECONDS = 1.0
clock = time.monotonic

_version_sources: list[Callable[[Any], str]] = []
_hit_listeners: list[Callable[[Any, dict], None]] = []
# (read until, version) of this worker; None: read it again.
_version_read: tuple[float, str] | None = None


def version_source(source: Callable[[Any], str]) -> Callable[[Any], str]:
    """Register what the stored pages depend on: ``source(request)`` returns a
    string that changes whenever a page may have changed."""
    if source not in _version_sources:
        _version_sources.append(source)
    return source


def on_hit(listener: Callable[[Any, dict], None]) -> Callable[[Any, dict], None]:
    """Register ``listener(request, note)``, called for every answer from the
    store with the note its view left (``note``)."""
    if listener not in _hit_listeners:
        _hit_listeners.append(listener)
    return listener


def version_changed() -> None:
    """This worker changed the content: its next request reads the version
    again (other workers within ``VERSION_SECONDS``). Called by the version's
    owner when it raises it (``articles.fragments.bump_content_version``)."""
    global _version_read
    _version_read = None


def current_version(request) -> str:
    global _version_read
    now = clock()
    if _version_read is not None and _version_read[0] > now:
        return _version_read[1]
    version = "|".join(source(request) for source in _version_sources)
    _version_read = (now + VERSION_SECONDS, version)
    return version


def note(request, name: str, value: Any) -> None:
    """Keep ``value`` with this request's answer, for the hit listeners."""
    notes = getattr(request, NOTE_ATTRIBUTE, None)
    if notes is None:
        notes = {}
        setattr(request, NOTE_ATTRIBUTE, notes)
    notes[name] = value


def _private_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def may_answer(request) -> bool:
    """Whether this request may get (and leave) a stored page."""
    if settings.PAGE_STORE_SECONDS <= 0 or not _version_sources:
        return False
    if request.method != "GET":
        return False
    if any(header in request.META for header in CONDITIONAL_HEADERS):
        return False
    return not any(name in request.COOKIES for name in _private_cookies())


def store_key(request) -> str:
    # Host and scheme are not part of it: the pages take every absolute URL
    # from the configured site address (core.site). Gzip or not is: the stored
    # body is the compressed one for those who accept it.
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    parts = [
        current_version(request),
        "gz" if gzip else "id",
        request.path,
        request.META.get("QUERY_STRING", ""),
    ]
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:40]
    return f"page:{digest}"


def storable(response) -> bool:
    """A reader's page that a shared cache may keep (core.http_cache said so)."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "X-Cache-Tags" in response.headers
        and response.get("Cache-Control", "").startswith("public")
    )


class PageStoreMiddleware:
    """See the module's docstring. Placed after the security and static-file
    middleware (their headers and redirects apply to every answer) and before
    compression, sessions, locale and CSRF (the stored answer has been through
    them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_answer(request):
            return self.get_response(request)
        # An address Django would refuse (DisallowedHost: 400) stays refused.
        request.get_host()
        store = caches[CACHE_ALIAS]
        key = store_key(request)
        entry = store.get(key)
        if entry is not None:
            return self.answer(request, entry)
        response = self.get_response(request)
        if storable(response):
            entry = (
                response.status_code,
                list(response.headers.items()),
                response.content,
                getattr(request, NOTE_ATTRIBUTE, {}),
            )
            store.set(key, entry, settings.PAGE_STORE_SECONDS)
        return response

    def answer(self, request, entry) -> HttpResponse:
        status, headers, content, notes = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response.headers[HIT_HEADER] = "hit"
        for listener in _hit_listeners:
            listener(request, notes)
        return response
