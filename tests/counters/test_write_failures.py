"""A counted view survives the database failing at the moment it is written
(issue #21, 17): retried on a fresh connection, or kept by the worker until
the database takes writes again. The failures are real: SQLite's write lock
held by another connection, a PostgreSQL backend terminated by the server, a
database that cannot be reached."""

import sqlite3
from contextlib import contextmanager, nullcontext

import psycopg
import pytest
from django.db import connection

from counters.services import views_pending, views_pending_flush
from tests.counters.helpers import BROWSER, total, visit
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)

COUNT_WRITE = 'INSERT INTO "counters_dailyviews"'


@pytest.fixture(autouse=True)
def _nothing_left_pending():
    yield
    views_pending_flush()


@pytest.fixture
def short_sqlite_timeout():
    """SQLite waits 20 s for its write lock in production; a fifth here."""
    if connection.vendor != "sqlite":
        yield
        return
    options = connection.settings_dict["OPTIONS"]
    original = options.get("timeout")
    options["timeout"] = 0.2
    connection.close()
    yield
    options["timeout"] = original
    connection.close()


@contextmanager
def sqlite_write_lock():
    """Another connection holds the database's write lock."""
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def terminate_this_backend():
    """The server ends our connection, as a restart or a killed session does."""
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


@contextmanager
def unreachable_database():
    """New connections fail until the block ends (the server is gone)."""
    original = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = "1"
    else:
        connection.settings_dict["NAME"] = "/nonexistent-dir/redaktion.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(original)


def fail_the_count_write(*, then_unreachable=None):
    """An execute wrapper: the first write of a count meets a real failure."""
    state = {"failed": 0}

    def wrapper(execute, sql, params, many, context):
        if not sql.startswith(COUNT_WRITE) or state["failed"]:
            return execute(sql, params, many, context)
        state["failed"] += 1
        if connection.vendor == "postgresql":
            terminate_this_backend()
            failure = nullcontext()
        else:
            failure = sqlite_write_lock()
        with failure:
            if then_unreachable is not None:  # and the retry cannot connect
                then_unreachable.__enter__()
            return execute(sql, params, many, context)

    return wrapper, state


def test_a_view_whose_write_fails_once_is_written_on_a_fresh_connection(
    client, short_sqlite_timeout
):
    article = ArticleFactory()
    wrapper, state = fail_the_count_write()
    with connection.execute_wrapper(wrapper):
        response = visit(client, article, ua=BROWSER)
    assert response.status_code == 200
    assert state["failed"] == 1
    assert views_pending() == 0
    assert total(article) == 1


def test_a_view_is_kept_while_the_database_is_away_and_written_when_it_is_back(
    client, short_sqlite_timeout
):
    article = ArticleFactory()
    outage = unreachable_database()
    wrapper, state = fail_the_count_write(then_unreachable=outage)
    try:
        with connection.execute_wrapper(wrapper):
            response = visit(client, article, ua=BROWSER)
        assert response.status_code == 200  # the reader got the page
        assert state["failed"] == 1
        assert views_pending() == 1
    finally:
        outage.__exit__(None, None, None)  # the database is back
    assert total(article) == 0
    visit(client, article, ip="198.51.100.9")  # the next view writes both
    assert views_pending() == 0
    assert total(article) == 2
