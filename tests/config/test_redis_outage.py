"""With Redis configured but unreachable, pages still serve (no 500).

Real faults: a port where nothing listens; and, where a Redis server runs on
this machine, the real server for the healthy case.
"""

import socket

import pytest
from django.core.cache import caches

from config.cache import ResilientRedisCache
from core.ratelimit import rate_limit_hit
from tests.factories import ArticleFactory


def redis_cache_settings(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = redis_cache_settings("redis://127.0.0.1:1/0")
    ResilientRedisCache._down_until = 0.0
    yield caches["default"]
    ResilientRedisCache._down_until = 0.0


@pytest.mark.django_db
def test_pages_serve_while_redis_is_down(client, dead_redis):
    article = ArticleFactory()
    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


def test_cache_operations_degrade_to_misses(dead_redis):
    assert dead_redis.get("x", "fallback") == "fallback"
    assert dead_redis.set("x", 1) is None
    assert dead_redis.add("x", 1) is True  # de-dup counts rather than loses
    assert dead_redis.get_many(["a", "b"]) == {}


def test_rate_limits_allow_requests_while_redis_is_down(dead_redis, settings):
    settings.RATE_LIMITS = {"vote": "1/m"}
    assert all(rate_limit_hit(scope="vote", key="k").allowed for _ in range(3))


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server on 127.0.0.1:6379")
def test_real_redis_works_through_the_resilient_backend(settings):
    settings.CACHES = redis_cache_settings("redis://127.0.0.1:6379/15")
    cache = caches["default"]
    cache.set("probe", {"a": 1}, 30)
    assert cache.get("probe") == {"a": 1}
    assert cache.add("probe", 2) is False
    cache.delete("counter-probe")
    cache.add("counter-probe", 0)
    assert cache.incr("counter-probe") == 1
    cache.delete_many(["probe", "counter-probe"])
