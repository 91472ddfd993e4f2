"""Request ids and slow-request lines (core.request_log)."""

import json
import logging
import time

import pytest

from tests.servers import gunicorn


@pytest.mark.django_db
def test_every_answer_names_its_request_id(client):
    first = client.get("/impressum/")["X-Request-ID"]
    second = client.get("/impressum/")["X-Request-ID"]
    assert len(first) == 32 and first != second


@pytest.mark.django_db
def test_the_proxy_id_is_kept_when_it_is_sane(client):
    kept = client.get("/", HTTP_X_REQUEST_ID="lb-4f2a9c1e-0001")
    assert kept["X-Request-ID"] == "lb-4f2a9c1e-0001"
    for odd in ("<script>", "x" * 65, "kurz", "a b c d e f g h"):
        replaced = client.get("/", HTTP_X_REQUEST_ID=odd)
        assert replaced["X-Request-ID"] != odd


@pytest.mark.django_db
def test_a_slow_request_is_logged_with_its_path_but_not_its_query(
    client, settings, caplog
):
    settings.SLOW_REQUEST_MS = 0  # every request is slow now
    with caplog.at_level(logging.WARNING, logger="redaktion.slow"):
        response = client.get("/suche/?q=vertraulich")
    (record,) = [r for r in caplog.records if r.name == "redaktion.slow"]
    assert record.getMessage().startswith("slow request GET /suche/ 200 ")
    assert "vertraulich" not in record.getMessage()
    assert record.path == "/suche/"
    assert record.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_fast_requests_are_not_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="redaktion.slow"):
        client.get("/healthz")
        client.get("/robots.txt")
    assert not [r for r in caplog.records if r.name == "redaktion.slow"]


def _json_lines(site) -> list[dict]:
    return [
        json.loads(line)
        for line in site.log.read_text().splitlines()
        if line.startswith("{")
    ]


@pytest.mark.django_db(transaction=True)
def test_gunicorn_writes_json_lines_with_the_request_id():
    with gunicorn(workers=1, DJANGO_LOG_JSON="1", DJANGO_SLOW_REQUEST_MS="0") as site:
        answer = site.get("/robots.txt", headers={"X-Request-ID": "probe-12345678"})
        assert answer.status == 200
        # The worker writes its line as it answers; the file is read until
        # the line is there (a few tries, not a fixed wait).
        for _ in range(50):
            slow = [
                line for line in _json_lines(site) if line["logger"] == "redaktion.slow"
            ]
            if slow:
                break
            time.sleep(0.1)
    (line,) = slow
    assert line["request_id"] == "probe-12345678"
    assert line["path"] == "/robots.txt"
    assert line["level"] == "WARNING" and isinstance(line["duration_ms"], int)


@pytest.mark.django_db
def test_djangos_own_line_about_a_404_carries_the_id(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == response["X-Request-ID"]
