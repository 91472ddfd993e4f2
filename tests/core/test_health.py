"""``/healthz``: what a load balancer asks each app host (core.health)."""

import json

import pytest
from django.test import Client

from tests.servers import free_port, gunicorn, redis_server

FOREIGN_HOST = "10.0.0.7:8000"  # a load balancer probes the host's address


@pytest.mark.django_db
def test_a_healthy_host_answers_200_with_each_part(settings):
    settings.SECURE_SSL_REDIRECT = True  # probes speak plain HTTP to the host
    response = Client().get("/healthz", HTTP_HOST=FOREIGN_HOST)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
def test_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.django_db
def test_a_media_folder_that_is_gone_is_named(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-mounted"
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failing"


@pytest.mark.django_db(transaction=True)
def test_gunicorn_host_names_a_frozen_redis_and_recovers(tmp_path):
    with (
        redis_server() as redis,
        gunicorn(
            workers=1, REDIS_URL=redis.url, DJANGO_MEDIA_ROOT=str(tmp_path)
        ) as site,
    ):
        healthy = site.get("/healthz", headers={"Host": FOREIGN_HOST})
        assert healthy.status == 200, healthy.body
        redis.freeze()
        frozen = site.get("/healthz")
        assert frozen.status == 503
        report = json.loads(frozen.body)
        assert report == {
            "status": "failing",
            "checks": {"database": "ok", "cache": "failing", "storage": "ok"},
        }
        redis.thaw()
        assert site.get("/healthz").status == 200


@pytest.mark.django_db(transaction=True)
def test_gunicorn_host_names_an_unreachable_database_without_secrets(tmp_path):
    secret = "geheimes-passwort"
    unreachable = f"postgres://redaktion:{secret}@127.0.0.1:{free_port()}/redaktion"
    with gunicorn(
        workers=1, DATABASE_URL=unreachable, DJANGO_MEDIA_ROOT=str(tmp_path)
    ) as site:
        response = site.get("/healthz")
    assert response.status == 503
    assert json.loads(response.body)["checks"]["database"] == "failing"
    assert secret.encode() not in response.body
    assert b"127.0.0.1" not in response.body
