"""The page store (core.page_store) in a real gunicorn with several workers,
each with its own copies: views counted exactly whichever worker answers
from its copy, and a change made elsewhere on every worker's pages within the
second the store promises."""

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.utils import timezone

from core import page_store
from tests.counters.helpers import BROWSER, total
from tests.factories import ArticleFactory
from tests.servers import gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 3
# Below the network's cap (VIEW_COUNT_PER_NETWORK, 30): all come from 127.0.0.1.
READERS = 25


@pytest.fixture
def site():
    with gunicorn(workers=WORKERS, DJANGO_PAGE_STORE_SECONDS="10") as server:
        yield server


def reader(number: int) -> dict:
    return {"User-Agent": f"{BROWSER} Leser/{number}"}


def test_stored_pages_count_every_visitor_once_on_every_worker(site):
    article = ArticleFactory(publish_at=timezone.now() - timedelta(hours=1))
    path = article.get_absolute_url()
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        answers = list(pool.map(lambda n: site.get(path, reader(n)), range(READERS)))
        # The same readers again: reloads, each worker's copy or not.
        again = list(pool.map(lambda n: site.get(path, reader(n)), range(READERS)))
    assert {answer.status for answer in answers + again} == {200}
    stored = [a for a in answers + again if a.headers.get(page_store.HIT_HEADER)]
    assert stored, "no answer came from a stored copy"
    assert total(article) == READERS


def test_a_change_is_on_every_workers_pages_within_a_second(site):
    article = ArticleFactory(
        title="Vor der Änderung",
        publish_at=timezone.now() - timedelta(hours=1),
    )
    path = article.get_absolute_url()
    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        before = list(pool.map(lambda n: site.get(path), range(30)))
        assert all("Vor der Änderung" in a.body.decode() for a in before)
        article.title = "Nach der Änderung"
        article.save()  # in this process: the workers learn it from the database
        # Each worker reads the version at most once a second: after that
        # second, none may answer from its old copy.
        time.sleep(page_store.VERSION_SECONDS + 0.1)
        after = list(pool.map(lambda n: site.get(path), range(30)))
    assert all("Nach der Änderung" in a.body.decode() for a in after)
