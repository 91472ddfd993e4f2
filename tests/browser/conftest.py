"""Browser tests: Playwright for Python driving Debian's Chromium.

The site runs on pytest-django's ``live_server`` (a threaded WSGI server on a
free loopback port, with a real test database; it serves static files through
the staticfiles finders and uploaded media from ``MEDIA_ROOT``). One Chromium is
started per test session; every test gets a fresh browser context (cookies,
storage, language) and page.

Playwright's own browser download does not work here, so the fixture launches
the Debian binary (``apt-get install -y chromium``) found on ``PATH``. Without
Chromium or without the ``playwright`` package the browser tests are skipped,
and the summary says so; set ``REQUIRE_BROWSER_TESTS=1`` (as ``.ci/run`` does)
to make a missing browser a failure instead.

When a browser test fails, a full-page screenshot and the page's HTML are saved
under ``test-artifacts/browser/``.

Writing a browser test (any ``test_*.py`` in this folder is marked ``browser``):

* ``page``: a desktop page (1280×900, German browser, Europe/Berlin) whose
  relative URLs go to the live server: ``page.goto("/artikel/vertrieb-3-0/")``.
* ``new_page(viewport=MOBILE, locale="en-GB")``: another visitor or device,
  each in its own context (own cookies), closed after the test;
  ``new_page(bypass_csp=True)`` to inject scripts such as axe-core,
  ``new_page(java_script_enabled=False)`` for a visitor without JavaScript.
* ``demo_site``: the demo magazine of ``seed_demo`` (logins ``journalist``,
  ``editor``, ``moderator`` …); or build data with ``tests.factories`` and ask
  for ``editorial_groups`` when the test logs in as a journalist or editor.
* ``tests.browser.support``: ``admin_login``, ``axe_violations``,
  ``focus_problems``, ``broken_images``, ``horizontal_overflow``, ``MOBILE``.

Do not start another Playwright in the same session (for example in a module
fixture): the sync API allows one per thread, so use the ``browser`` fixture.
"""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

from tests.browser.support import DESKTOP
from tests.groups import editorial_groups_restore

BROWSER_DIR = Path(__file__).parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# Generous for a shared two-core machine; a passing step takes milliseconds.
TIMEOUT_MS = 15_000
# Loading a page (server, then every image and script) is the one step whose
# time grows with the machine's load: at a load of 10 to 14 on two cores (five
# test sessions at once) the live server took over 15 s for a page now and then,
# while no step ever waited that long for an element.
NAVIGATION_TIMEOUT_MS = 45_000


def _unavailable_reason() -> str:
    if sync_playwright is None:
        return (
            "the Python package 'playwright' is not installed (pip install -e '.[dev]')"
        )
    if CHROMIUM is None:
        return (
            "no Chromium on PATH (Debian: apt-get install -y chromium; "
            "Playwright's own browser download is not used)"
        )
    return ""


UNAVAILABLE = _unavailable_reason()
REQUIRED = os.environ.get("REQUIRE_BROWSER_TESTS", "") == "1"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.browser)
        if UNAVAILABLE and not REQUIRED:
            item.add_marker(pytest.mark.skip(reason=f"browser tests: {UNAVAILABLE}"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not UNAVAILABLE:
        return
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "browser tests:" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep("=", "browser tests skipped", yellow=True)
        terminalreporter.write_line(
            f"{len(skipped)} browser tests did not run: {UNAVAILABLE}. "
            "Everything else ran."
        )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item, so the page fixture knows at
    # teardown whether the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if UNAVAILABLE:
        pytest.fail(f"REQUIRE_BROWSER_TESTS=1, but {UNAVAILABLE}")
    # Playwright's sync API runs an asyncio loop in this thread from now on,
    # and Django refuses ORM calls while a loop runs in the calling thread
    # ("SynchronousOnlyOperation"). The tests use the ORM between browser steps
    # on purpose (set-up, assertions), never concurrently with it, so that
    # check is switched off while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def editorial_groups(transactional_db):
    """The Journalist/Editor/Moderator groups of the data migrations
    (tests/groups.py), also after an earlier test's flush."""
    editorial_groups_restore(force=True)


# Tables of the demo that a snapshot leaves out: Django rebuilds content types
# and permissions after every flush, ``editorial_groups`` the groups (the
# snapshot names all three by natural key), and sessions are each test's own.
_NOT_IN_DEMO_SNAPSHOT = ["contenttypes", "auth.permission", "auth.group", "sessions"]


@pytest.fixture(scope="session")
def _demo_snapshot(tmp_path_factory):
    """Where this test session keeps its copy of the seeded demo: the rows as a
    fixture and the media files seed_demo wrote (filled by the first test)."""
    folder = tmp_path_factory.mktemp("demo-snapshot")
    return {"rows": folder / "demo.json", "media": folder / "media"}


@pytest.fixture
def demo_site(editorial_groups, _demo_snapshot, settings):
    """The German demo magazine of ``seed_demo``: categories, authors with
    portraits, articles with featured images, and one login per role.

    ``seed_demo`` runs once per test session (it processes every picture and
    takes a minute on a loaded machine); later tests load its rows from a
    snapshot into the freshly flushed database and put back any media file an
    earlier test removed. ``tests/demo/`` tests ``seed_demo`` itself."""
    rows, media = _demo_snapshot["rows"], _demo_snapshot["media"]
    if rows.exists():
        call_command("loaddata", rows, verbosity=0)
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        return
    call_command("seed_demo", allow_production=True, stdout=io.StringIO())
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=_NOT_IN_DEMO_SNAPSHOT,
        output=str(rows),
        verbosity=0,
    )
    # Cached PDFs are not part of the demo (a later test renders its own).
    shutil.copytree(settings.MEDIA_ROOT, media, ignore=shutil.ignore_patterns("pdf"))


def _new_context(
    browser,
    live_server,
    *,
    viewport=DESKTOP,
    locale="de-DE",
    bypass_csp=False,
    java_script_enabled=True,
):
    # bypass_csp only where a test injects its own tools (axe-core): the site's
    # Content Security Policy forbids inline scripts, and journeys keep it.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        locale=locale,
        timezone_id="Europe/Berlin",
        accept_downloads=True,
        bypass_csp=bypass_csp,
        java_script_enabled=java_script_enabled,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


@pytest.fixture
def new_page(request, browser, live_server):
    """Factory for extra pages, each in its own context (another visitor, a
    phone): ``new_page(viewport=MOBILE)``. Failure artefacts are saved for all."""
    contexts = []

    def make(**options):
        context = _new_context(browser, live_server, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    failed = any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )
    for number, context in enumerate(contexts):
        if failed:
            for index, failed_page in enumerate(context.pages):
                _save_artefacts(request, failed_page, f"{number}-{index}")
        context.close()
    # ORM calls made while Playwright's loop runs may get their own database
    # connection (another async context); close it, or PostgreSQL cannot drop
    # the test database at the end.
    connections.close_all()


@pytest.fixture
def page(new_page):
    """A desktop page (1280×900, German browser) on the live server."""
    return new_page()


def _save_artefacts(request, failed_page, suffix: str) -> None:
    folder = request.config.rootpath / "test-artifacts" / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
    stem = folder / f"{name}-{suffix}"
    try:
        failed_page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(failed_page.content(), encoding="utf-8")
    except Exception as error:  # the page may have crashed; keep the report
        Path(f"{stem}.error.txt").write_text(repr(error), encoding="utf-8")
