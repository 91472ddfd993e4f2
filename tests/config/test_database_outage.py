"""A database outage answers a styled 503, and the site recovers by itself.

The outage is real: the connection is pointed at a database that cannot be
reached (a closed port for PostgreSQL, an unopenable path for SQLite), then
pointed back, as when a server restarts.
"""

import pytest
from django.db import connection

from tests.factories import ArticleFactory


@pytest.mark.django_db(transaction=True)
def test_outage_gives_a_styled_503_and_the_site_recovers_by_itself(client):
    article = ArticleFactory()
    url = article.get_absolute_url()
    original = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = "1"  # nothing listens there
    else:
        connection.settings_dict["NAME"] = "/nonexistent-dir/redaktion.sqlite3"
    try:
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Gleich wieder da" in response.content.decode()
    finally:
        connection.close()
        connection.settings_dict.update(original)  # the database is back

    assert client.get(url).status_code == 200
