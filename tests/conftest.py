import pytest
from django.core.cache import cache

from tests.factories import ArticleFactory, AuthorFactory, StaffFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Tests must not see each other's cached fragments or rate-limit counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(db):
    return ArticleFactory(tags=["Vertrieb", "Mittelstand"])


@pytest.fixture
def author(db):
    return AuthorFactory()


@pytest.fixture
def journalist(db):
    return StaffFactory(username="journalist", groups=["Journalist"])


@pytest.fixture
def editor(db):
    return StaffFactory(username="editor", groups=["Editor"])


@pytest.fixture
def moderator(db):
    return StaffFactory(username="moderator", groups=["Moderator"])
