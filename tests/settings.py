"""Settings for the test suite: the real settings plus what only tests need."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-production")

from config.settings import *  # noqa: F403
from config.settings import DATABASES, PDF_RENDER_SECONDS, STORAGES

# The manifest exists only after collectstatic; tests use plain static storage.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="redaktion-test-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A reader waits for a PDF as long as it may take to typeset: on a loaded
# machine the first render took more than the default 10 s, and a test that
# asks for a PDF got the (correct) 503 „PDF wird erstellt“. The tests of the
# wait itself set their own values (tests/printing/test_pdf_limits.py).
PDF_WAIT_SECONDS = int(os.environ.get("DJANGO_PDF_WAIT_SECONDS", PDF_RENDER_SECONDS))
# django-axes needs the request at login; Client.login() has none. The lockout
# tests switch it on again (tests/config/test_login_lockout.py).
AXES_ENABLED = False
# The occasional clean-up of expired window rows (core.windows) is a random
# extra DELETE: tests that count a page's queries must see the same statements
# every time. tests/core/test_windows.py switches it on.
WINDOW_CLEANUP_CHANCE = 0
# Whole pages kept per worker (core.page_store) would show a test the page as
# it was before the vote or the view it just made; tests/core/test_page_store.py
# and the tests against gunicorn switch it on.
PAGE_STORE_SECONDS = int(os.environ.get("DJANGO_PAGE_STORE_SECONDS", "0"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's in-memory default: WAL, the write lock between
    # threads and reconnecting after an outage behave as in production.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(
            tempfile.mkdtemp(prefix="redaktion-test-db-"), "test.sqlite3"
        )
    }
elif name := os.environ.get("DJANGO_TEST_DB_NAME"):
    # Lets several checkouts run the PostgreSQL suite at once on one server.
    DATABASES["default"]["TEST"] = {"NAME": name}
