"""Counts and markers within time windows that every worker sees.

Rate limits, the view-count window ("this reader was counted in the last 30
minutes") and single-use form tokens must hold across all gunicorn workers and
hosts. Two stores, chosen by what the site runs on:

* a cache shared between processes (Redis, Memcached): ``cache.add`` and
  ``cache.incr``, atomic on the server;
* otherwise (the embedded default's local-memory cache is one per worker) the
  database table ``core.WindowCount``: one ``INSERT … ON CONFLICT`` statement per
  change, atomic on SQLite (3.35 or later, for ``RETURNING``) and PostgreSQL
  alike, so concurrent workers never count twice or lose a count.

Why not Django's ``DatabaseCache`` for the second: its ``add`` counts the whole
table on every write and culls entries once ``MAX_ENTRIES`` is reached (markers
would be dropped and views counted again), its ``incr`` is a read and a write,
and its table is made by ``createcachetable``, outside migrations.

Expired rows are deleted now and then (about one write in 500) and by
``manage.py privacy_cleanup``. Callers decide what a failure means (rate limits
and view counting fail open).
"""

import hashlib
import random
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.utils import timezone

from core.models import WindowCount

KEY_MAX = WindowCount._meta.get_field("key").max_length

_MARKED = 'SELECT 1 FROM {t} WHERE "key" IN ({keys}) AND "expires_at" > %s LIMIT 1'
_ADD = (
    'INSERT INTO {t} ("key", "count", "expires_at") VALUES (%s, 1, %s) '
    'ON CONFLICT ("key") DO UPDATE SET "count" = 1, '
    '"expires_at" = excluded."expires_at" WHERE {t}."expires_at" <= %s'
)
_HIT = (
    'INSERT INTO {t} ("key", "count", "expires_at") VALUES (%s, 1, %s) '
    'ON CONFLICT ("key") DO UPDATE SET '
    '"count" = CASE WHEN {t}."expires_at" <= %s THEN 1 ELSE {t}."count" + 1 END, '
    '"expires_at" = CASE WHEN {t}."expires_at" <= %s '
    'THEN excluded."expires_at" ELSE {t}."expires_at" END '
    'RETURNING "count"'
)


def cache_is_shared() -> bool:
    """Whether every worker and host sees the same default cache."""
    return isinstance(caches["default"], RedisCache | BaseMemcachedCache)


def window_add(key: str, *, seconds: int, unless: tuple[str, ...] = ()) -> bool:
    """Mark ``key`` for ``seconds``: True if it was not marked (the first time
    in the window), False while the mark lasts, or while any key of ``unless``
    is marked (looked up with it, in the same read). Atomic: of two workers
    adding the same key at once, one gets True."""
    if cache_is_shared():
        if unless and cache.get_many(list(unless)):
            return False
        return cache.add(key, 1, timeout=seconds)
    key, now = _stored(key), timezone.now()
    marked = [key, *(_stored(other) for other in unless)]
    with connection.cursor() as cursor:
        # The common case (a reload) costs a read, not a write (on SQLite every
        # INSERT takes the one write lock, even one that changes nothing). Raw
        # SQL: the ORM's ``exists()`` took 15 times as long as the lookup.
        cursor.execute(
            _MARKED.format(t=_table(), keys=", ".join(["%s"] * len(marked))),
            [*marked, _db_time(now)],
        )
        if cursor.fetchone():
            return False
        cursor.execute(_ADD.format(t=_table()), [key, _at(now, seconds), _db_time(now)])
        added = cursor.rowcount == 1
    _maybe_forget_expired(now)
    return added


def window_hit(key: str, *, seconds: int) -> int:
    """Count one event of ``key`` in a window that starts with the first event
    and lasts ``seconds``; returns the count so far (1 for the first)."""
    if cache_is_shared():
        try:
            if cache.add(key, 1, timeout=seconds):
                return 1
            return cache.incr(key)
        except ValueError:  # the window expired between add and incr
            cache.add(key, 1, timeout=seconds)
            return 1
    key, now = _stored(key), timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            _HIT.format(t=_table()),
            [key, _at(now, seconds), _db_time(now), _db_time(now)],
        )
        (count,) = cursor.fetchone()
    _maybe_forget_expired(now)
    return count


def windows_forget_expired(*, now: datetime | None = None) -> int:
    """Delete the rows whose window is over; returns how many."""
    deleted, _per_model = WindowCount.objects.filter(
        expires_at__lte=now or timezone.now()
    ).delete()
    return deleted


def _maybe_forget_expired(now: datetime) -> None:
    if random.random() < settings.WINDOW_CLEANUP_CHANCE:
        windows_forget_expired(now=now)


def _stored(key: str) -> str:
    if len(key) <= KEY_MAX:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def _table() -> str:
    return connection.ops.quote_name(WindowCount._meta.db_table)


def _db_time(moment: datetime):
    return connection.ops.adapt_datetimefield_value(moment)


def _at(now: datetime, seconds: int):
    return _db_time(now + timedelta(seconds=seconds))
