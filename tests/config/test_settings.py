"""Settings are read from the environment; each case runs in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'debug': settings.DEBUG, 'engine': db['ENGINE'], "
    "'options': db.get('OPTIONS', {}), 'cache': settings.CACHES['default']['BACKEND'], "
    "'hosts': settings.ALLOWED_HOSTS, 'media': str(settings.MEDIA_ROOT), "
    "'email': settings.EMAIL_DELIVERY_BACKEND, 'tz': settings.TIME_ZONE, "
    "'lang': settings.LANGUAGE_CODE, 'admin': settings.ADMIN_URL}))"
)


def run_with_env(code: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    base["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_with(**env: str) -> dict:
    result = run_with_env(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_missing_secret_key_with_debug_off_is_a_clear_error_not_a_traceback():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_defaults_to_off():
    assert settings_with(DJANGO_SECRET_KEY="x" * 50)["debug"] is False


def test_invalid_boolean_is_rejected_with_the_variable_name():
    result = run_with_env(PRINT_SETTINGS, DJANGO_DEBUG="vielleicht")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 1 or 0" in result.stderr


def test_development_defaults():
    values = settings_with(DJANGO_DEBUG="1")
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in values["options"]["init_command"]
    assert values["cache"].endswith("LocMemCache")
    assert values["email"].endswith("console.EmailBackend")
    assert values["tz"] == "Europe/Berlin"
    assert values["lang"] == "de"
    assert values["hosts"] == ["localhost", "127.0.0.1", "[::1]"]
    assert values["admin"] == "admin/"


def test_production_variables_are_read():
    values = settings_with(
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="magazin.example.org,www.magazin.example.org",
        DATABASE_URL="postgres://user:pw@db.example.org:5432/magazin",
        REDIS_URL="redis://127.0.0.1:6379/1",
        DJANGO_MEDIA_ROOT="/srv/media",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_ADMIN_URL="/redaktion-intern/",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["options"] == {}
    assert values["cache"] == "config.cache.ResilientRedisCache"
    assert values["hosts"] == ["magazin.example.org", "www.magazin.example.org"]
    assert values["media"] == "/srv/media"
    assert values["email"].endswith("smtp.EmailBackend")
    assert values["admin"] == "redaktion-intern/"


def test_sqlite_database_opens_in_wal_mode(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); "
        "print(c.fetchone()[0])"
    )
    result = run_with_env(
        code, DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/t.db"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


def test_non_numeric_port_is_rejected_with_the_variable_name():
    result = run_with_env(PRINT_SETTINGS, DJANGO_DEBUG="1", DJANGO_EMAIL_PORT="abc")
    assert result.returncode != 0
    assert "DJANGO_EMAIL_PORT must be a whole number" in result.stderr


def test_a_rotated_secret_key_keeps_signatures_of_the_old_one():
    code = (
        "import django; django.setup(); from django.core import signing; "
        "from django.conf import settings; "
        "print(signing.loads(signing.dumps('link', key='alt' * 20)))"
    )
    result = run_with_env(
        code, DJANGO_SECRET_KEY="neu" * 20, DJANGO_SECRET_KEY_FALLBACKS="alt" * 20
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "link"
    refused = run_with_env(code, DJANGO_SECRET_KEY="neu" * 20)
    assert "BadSignature" in refused.stderr
