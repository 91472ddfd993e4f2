"""With Redis configured but unreachable or hung, pages still serve (no 500).

Real faults: a port where nothing listens; a private redis-server frozen with
SIGSTOP (tests/servers.py); and, where a Redis server runs on this machine, the
real server for the healthy case.
"""

import socket
import time

import pytest
from django.core.cache import caches

from config.cache import ResilientRedisCache
from core.ratelimit import rate_limit_hit
from tests.factories import ArticleFactory
from tests.servers import redis_server


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


@pytest.mark.django_db
def test_a_frozen_redis_gives_pages_not_500s_and_trips_the_breaker_once(
    client, settings, caplog
):
    """#21, 4: ``kill -STOP`` on a real (private) Redis: it accepts connections
    and answers nothing, so every call ends in redis-py's ``TimeoutError``."""
    with redis_server() as server:
        settings.CACHES = redis_cache_settings(server.url)
        settings.RATE_LIMITS = {"vote": "1/m"}
        ResilientRedisCache._down_until = 0.0
        article = ArticleFactory()
        assert client.get(article.get_absolute_url()).status_code == 200
        server.freeze()
        try:
            with caplog.at_level("WARNING", logger="config.cache"):
                for url in [article.get_absolute_url(), "/", "/feed/", "/suche/?q=x"]:
                    assert client.get(url).status_code == 200, url
                assert all(rate_limit_hit(scope="vote", key="k").allowed for _ in "ab")
            # One time-out opened the breaker; every later call skipped Redis.
            assert ResilientRedisCache._down_until > time.monotonic()
            assert len([r for r in caplog.records if "Redis unavailable" in r.msg]) == 1
        finally:
            server.thaw()
        ResilientRedisCache._down_until = 0.0  # the pause is over
        cache = caches["default"]
        cache.set("probe", "back", 30)
        assert cache.get("probe") == "back"
