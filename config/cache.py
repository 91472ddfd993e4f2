"""Django's Redis cache, made to degrade instead of failing when Redis is down.

The cache holds only what can be rebuilt (fragments, rate-limit windows, de-dup
markers), so an unreachable or hung Redis must not turn pages into 500s. Every
operation that fails with any Redis error behaves like a cache miss: a refused
connection (``ConnectionError``), a server that accepts but does not answer
within the socket time-out (``TimeoutError``, which is *not* a subclass of
``ConnectionError`` in redis-py), an out-of-memory or loading answer. After a
failure Redis is left alone for a few seconds (a small circuit breaker), so a
dead or frozen server costs one time-out, not one per call. The time-outs are
the client's socket options in ``settings.CACHES`` (half a second).

Degradation, in short: pages are rendered uncached; rate limits allow requests;
``add`` reports success, so view de-duplication counts rather than loses a view.
"""

import logging
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

PAUSE_AFTER_FAILURE_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, method: str, fallback, *args):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args)
        except redis.exceptions.RedisError as exc:
            self._pause(exc)
            return fallback

    @classmethod
    def _pause(cls, exc: Exception) -> None:
        cls._down_until = time.monotonic() + PAUSE_AFTER_FAILURE_SECONDS
        logger.warning("Redis unavailable (%s); degrading to no cache", exc)

    def ping(self) -> None:
        """Ask Redis itself, past the breaker (``core.health``): raises if it
        does not answer within the socket time-out."""
        self._cache.get_client(write=True).ping()

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # There is no sensible number to return: callers (rate limits) treat
        # the error as "cache unavailable" and fail open.
        if time.monotonic() < self._down_until:
            raise redis.exceptions.ConnectionError("Redis unavailable")
        try:
            return super().incr(key, delta, version)
        except redis.exceptions.RedisError as exc:
            self._pause(exc)
            raise redis.exceptions.ConnectionError("Redis unavailable") from exc
