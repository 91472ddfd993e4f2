"""A database outage answers a styled 503, and the site recovers by itself.

The outage is real: the connection is pointed at a database that cannot be
reached (a closed port for PostgreSQL, an unopenable path for SQLite), then
pointed back, as when a server restarts.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import ArticleFactory


@contextmanager
def database_unreachable():
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = "1"  # nothing listens there
    else:
        connection.settings_dict["NAME"] = "/nonexistent-dir/redaktion.sqlite3"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.update(original)  # the database is back


@pytest.mark.django_db(transaction=True)
def test_outage_gives_a_styled_503_and_the_site_recovers_by_itself(client):
    article = ArticleFactory()
    url = article.get_absolute_url()
    with database_unreachable():
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Gleich wieder da" in response.content.decode()

    assert client.get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_live_request_during_an_outage_says_so_and_recovers(client):
    """The live request's short way (articles.middleware) answers 503 in
    JSON, as the full way answers pages, not a 500."""
    article = ArticleFactory(publish_at=timezone.now() - timedelta(days=1))
    url = f"/live/{article.pk}/"
    with database_unreachable():
        response = client.post(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response.json() == {"error": "database unavailable"}

    assert client.post(url).json()["article"] == article.pk
