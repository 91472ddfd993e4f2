"""Purging the shared HTTP cache after a change (core.purge): after the
commit, a cache that is down or hangs never breaks a save, and the tags say
which pages go."""

import logging
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from core import purge
from ratings.services import rating_set
from tests.factories import ArticleFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def test_tags_pattern_matches_whole_tags_only():
    pattern = purge.tags_pattern(["article-1", "home"]).replace("[[:space:]]", r"\s")
    assert re.search(pattern, "site article-1 category-2")
    assert re.search(pattern, "home")
    assert not re.search(pattern, "site article-12")
    with pytest.raises(ValueError):
        purge.tags_pattern(["evil tag|.*"])


def test_nothing_is_sent_without_caches(settings, django_capture_on_commit_callbacks):
    settings.CACHE_PURGE_URLS = []
    with django_capture_on_commit_callbacks() as callbacks:
        ArticleFactory()
    assert callbacks == [] or all(
        "purge" not in getattr(c, "__module__", "") for c in callbacks
    )


def test_a_cache_that_is_down_is_logged_and_the_save_goes_on(
    settings, django_capture_on_commit_callbacks, caplog
):
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}"]
    with (
        caplog.at_level(logging.WARNING, logger="core.purge"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        article = ArticleFactory(title="Trotzdem gespeichert")
    assert article.pk
    assert "Cache purge BAN / at" in caplog.text and "failed" in caplog.text


def test_a_cache_that_hangs_costs_at_most_the_time_out(
    settings, django_capture_on_commit_callbacks, caplog
):
    hanging = socket.socket()
    hanging.bind(("127.0.0.1", 0))
    hanging.listen()
    accepted = []
    threading.Thread(
        target=lambda: accepted.append(hanging.accept()), daemon=True
    ).start()
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{hanging.getsockname()[1]}"]
    try:
        with (
            caplog.at_level(logging.WARNING, logger="core.purge"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            ArticleFactory()
    finally:
        hanging.close()
    assert "timed out" in caplog.text
    assert purge.TIMEOUT == 0.5


def test_a_rolled_back_change_sends_nothing(settings, caplog):
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}"]
    with (
        caplog.at_level(logging.WARNING, logger="core.purge"),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ArticleFactory()
        raise RuntimeError
    assert "Cache purge" not in caplog.text


@pytest.fixture
def recording_cache(settings):
    """A stand-in for the cache that records each purge request it gets:
    ``[(method, X-Purge-Tags)]``."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_BAN(self):
            received.append((self.command, self.headers.get(purge.HEADER)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}"]
    yield received
    server.shutdown()
    server.server_close()


def test_one_transaction_sends_one_ban_with_all_its_tags(
    recording_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory()  # its own transaction, its own ban
    assert len(recording_cache) == 1
    recording_cache.clear()
    # A vote: the Vote's and the RatingSummary's receivers both purge.
    with django_capture_on_commit_callbacks(execute=True):
        rating_set(
            article=article, voter="v1", machine_key="m1", network_key="n1", score=4
        )
        purge.tags_purge(["category-7"])
    assert recording_cache == [
        ("BAN", purge.tags_pattern([f"article-{article.pk}", "home", "category-7"]))
    ]


def test_a_rolled_back_savepoint_does_not_swallow_later_tags(
    recording_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            purge.tags_purge(["article-1"])  # opens the batch, then rolled back
            raise RuntimeError
        purge.tags_purge(["home"])
    assert recording_cache == [("BAN", purge.tags_pattern(["home"]))]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_ban_goes_at_once(recording_cache):
    purge.tags_purge(["home"])
    assert recording_cache == [("BAN", purge.tags_pattern(["home"]))]
