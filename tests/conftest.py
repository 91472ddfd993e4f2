import time
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache, caches
from django.utils import timezone, translation

from articles.views import live_articles_forget
from core import page_store
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory
from tests.groups import editorial_groups_restore

DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def _uses_database(item) -> bool:
    return bool(
        item.get_closest_marker("django_db")
        or DB_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(scope="session", autouse=True)
def _visitor_secrets_loaded(request, django_db_setup, django_db_blocker):
    """Load the visitor secrets of today and yesterday once per test session (as a
    worker does once a day), so query budgets do not depend on test order.

    pytest-django sets up the test databases only when a collected test uses
    one: a run of database-free tests alone (``tests/articles/wordpress/
    test_content.py``) has none, and must not touch the real database."""
    from core.visitors import daily_secret

    if not any(_uses_database(item) for item in request.session.items):
        return
    with django_db_blocker.unblock():
        today = timezone.localdate()
        daily_secret(today)
        daily_secret(today - timedelta(days=1))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Tests must not see each other's cached fragments, pages or rate-limit
    counters."""
    cache.clear()
    caches["pages"].clear()
    page_store.version_changed()  # the version this worker last read
    live_articles_forget()  # a rolled-back article's number comes again
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in German, the site's language. A request to an
    English page leaves English active in the thread (LocaleMiddleware
    activates, nothing deactivates), and code without a request (an
    article's URL) would follow whichever test ran before on this worker."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def article(db):
    return ArticleFactory(tags=["Vertrieb", "Mittelstand"])


@pytest.fixture
def author(db):
    return AuthorFactory()


@pytest.fixture
def journalist(db):
    editorial_groups_restore()
    return StaffFactory(username="journalist", groups=["Journalist"])


@pytest.fixture
def editor(db):
    editorial_groups_restore()
    return StaffFactory(username="editor", groups=["Editor"])


@pytest.fixture
def moderator(db):
    editorial_groups_restore()
    return StaffFactory(username="moderator", groups=["Moderator"])


@pytest.fixture
def one_rate_window():
    """Time stands still during the test: rate limits count in windows of the
    clock (``core.ratelimit``), and a test that expects the n-th request of a
    window to be refused failed when a minute ended between its requests."""
    with time_machine.travel(time.time(), tick=False):
        yield
