import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
    "DJANGO_ALLOWED_HOSTS": "magazin.example.org",
    "DJANGO_HTTPS": "1",
    "DJANGO_TRUST_X_FORWARDED_PROTO": "1",
}


def test_check_deploy_is_clean_with_the_documented_production_variables():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    insecure = {**PRODUCTION_ENV, "DJANGO_HTTPS": "0"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, **insecure},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stdout + result.stderr


@pytest.mark.django_db
def test_security_headers_on_every_response(client):
    article = ArticleFactory()
    for url in ["/", article.get_absolute_url(), "/gibt-es-nicht/", "/admin/login/"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["X-Frame-Options"] == "DENY", url
        assert "camera=()" in response["Permissions-Policy"], url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


@pytest.mark.django_db
def test_reading_an_article_sets_no_session_cookie(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_scripts(client):
    article = ArticleFactory()
    for url in ["/", article.get_absolute_url(), "/gibt-es-nicht/"]:
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(
            part.strip().split(" ", 1) for part in policy.split(";") if part.strip()
        )
        assert directives["script-src"] == "'self'", url
        assert directives["frame-ancestors"] == "'none'", url
        assert directives["object-src"] == "'none'", url


@pytest.mark.django_db
def test_admin_policy_allows_exactly_the_editors_import_map(client, editor):
    import base64
    import hashlib
    import re

    client.force_login(editor)
    response = client.get("/admin/articles/article/add/")
    html = response.content.decode()
    (importmap,) = re.findall(r'<script type="importmap">(.*?)</script>', html, re.S)
    digest = base64.b64encode(hashlib.sha256(importmap.encode()).digest()).decode()
    script_src = next(
        part
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src")
    )
    assert script_src.split() == ["script-src", "'self'", f"'sha256-{digest}'"]
    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*importmap)[^>]*>", html) == []
