"""gunicorn as config/gunicorn.conf.py runs it: a real server on the test
database (tests/servers.py)."""

import pytest

from tests.servers import gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

CLAIMS_HTTPS = {"X-Forwarded-Proto": "https"}


def test_x_forwarded_proto_is_ignored_unless_the_proxy_is_trusted():
    """#21, 14: with DJANGO_TRUST_X_FORWARDED_PROTO off, a client that claims
    https is still on http (here: redirected to https by SECURE_SSL_REDIRECT)."""
    with gunicorn(DJANGO_SECURE_SSL_REDIRECT="1") as site:
        response = site.get("/robots.txt", headers=CLAIMS_HTTPS)
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_x_forwarded_proto_is_believed_behind_a_trusted_proxy():
    with gunicorn(
        DJANGO_SECURE_SSL_REDIRECT="1", DJANGO_TRUST_X_FORWARDED_PROTO="1"
    ) as site:
        assert site.get("/robots.txt", headers=CLAIMS_HTTPS).status == 200
        assert site.get("/robots.txt").status == 301


def test_no_control_socket_in_the_home_folder_unless_given_one(tmp_path):
    """Two sites on one host must not share (or take over) one control socket."""
    with gunicorn() as site:
        assert site.get("/robots.txt").status == 200
        assert not (site.home / ".gunicorn").exists()
    socket_path = tmp_path / "site-a.ctl"
    with gunicorn(GUNICORN_CONTROL_SOCKET=str(socket_path)) as site:
        assert site.get("/robots.txt").status == 200
        assert socket_path.is_socket()
        assert not (site.home / ".gunicorn").exists()
