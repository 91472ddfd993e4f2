"""Purging the shared HTTP cache (``ops/varnish``) after a change.

Every cached reader page names what it shows in ``X-Cache-Tags``
(``core.http_cache``). After a change commits, the apps' ``caching.py``
modules call ``tags_purge(...)`` with the tags of the affected pages; at the
commit, each cache in ``CACHE_PURGE_URLS`` gets one ``BAN`` request for all the
tags of the transaction, whose ``X-Purge-Tags`` header is a regular expression
over those tags (Varnish bans every object whose tags
match). ``path_purge`` sends a ``PURGE`` of one address.

A purge is sent after the transaction commits (nothing is purged for a save that
is rolled back, and a reader never refetches the old state), from whichever app
host made the change. A cache that is down or slow never breaks or holds up a
save: each request has ``TIMEOUT`` seconds, and failures are logged. Purging
twice is harmless.
"""

import http.client
import logging
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

TIMEOUT = 0.5
HEADER = "X-Purge-Tags"


def enabled() -> bool:
    """Whether a cache is in front (receivers skip their queries otherwise)."""
    return bool(settings.CACHE_PURGE_URLS)


TAG = re.compile(r"[a-z0-9-]+")


def tags_pattern(tags: Iterable[str]) -> str:
    """``(^|[[:space:]])(article-1|home)([[:space:]]|$)``: the tags as whole
    words (tags are
    letters, digits and hyphens, nothing to escape)."""
    tags = sorted(set(tags))
    if not all(TAG.fullmatch(tag) for tag in tags):
        raise ValueError(f"Cache tags are [a-z0-9-]+: {tags}")
    # Neither spaces (Varnish's ban expression would end at one) nor
    # backslashes (its parser takes them as escapes).
    return f"(^|[[:space:]])({'|'.join(tags)})([[:space:]]|$)"


class _Batch:
    """The tags of one transaction, banned together at its commit: one vote
    saves a ``Vote`` and its ``RatingSummary``, each with its receiver, and a
    publication touches the article, its bylines and tags; one ``BAN`` per
    cache covers them all instead of one per receiver."""

    def __init__(self) -> None:
        self.tags: set[str] = set()
        self.sent = False

    def __call__(self) -> None:
        self.sent = True
        _send_all("BAN", "/", {HEADER: tags_pattern(self.tags)})


def tags_purge(tags: Iterable[str]) -> None:
    """Ban every cached page showing one of ``tags``, after the commit (with
    the other tags of the same transaction, in one request per cache)."""
    tags = sorted(set(tags))
    if not tags or not settings.CACHE_PURGE_URLS:
        return
    tags_pattern(tags)  # a malformed tag fails here, in the caller's code
    connection = transaction.get_connection()
    if not connection.in_atomic_block:  # as ``on_commit`` does: at once
        _send_all("BAN", "/", {HEADER: tags_pattern(tags)})
        return
    _open_batch(connection).tags.update(tags)


def _open_batch(connection) -> _Batch:
    """This transaction's batch, registered with ``on_commit`` on first use.

    The batch is kept on the (per-thread) connection. It belongs to the
    current transaction only while its callback is still waiting in
    ``connection.run_on_commit`` (the list Django's own
    ``captureOnCommitCallbacks`` reads): a rollback of the transaction, or of
    the savepoint in which it was registered, discards the callback, and the
    next tags start a new batch. Tags of a rolled-back savepoint inside a
    batch that stays are still banned: one page too many refetched, never one
    too few."""
    batch = getattr(connection, "_purge_batch", None)
    waiting = batch is not None and not batch.sent
    if not (waiting and any(c[1] is batch for c in connection.run_on_commit)):
        batch = _Batch()
        connection._purge_batch = batch
        transaction.on_commit(batch)
    return batch


def path_purge(path: str) -> None:
    """Drop the cached copy of one address, after the commit."""
    if settings.CACHE_PURGE_URLS:
        transaction.on_commit(lambda: _send_all("PURGE", path, {}))


def _send_all(method: str, path: str, headers: dict[str, str]) -> None:
    for base in settings.CACHE_PURGE_URLS:
        _send(base, method, path, headers)


def _send(base: str, method: str, path: str, headers: dict[str, str]) -> bool:
    address = urlsplit(base)
    connection = http.client.HTTPConnection(
        address.hostname, address.port or 80, timeout=TIMEOUT
    )
    try:
        connection.request(method, path, headers=headers)
        answer = connection.getresponse()
        status, reason = answer.status, answer.reason
    except (OSError, http.client.HTTPException) as error:
        logger.warning("Cache purge %s %s at %s failed: %s", method, path, base, error)
        return False
    finally:
        connection.close()
    if status >= 400:
        logger.warning(
            "Cache purge %s %s at %s answered %s %s", method, path, base, status, reason
        )
        return False
    return True
