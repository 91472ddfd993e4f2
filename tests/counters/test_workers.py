"""The view window holds across gunicorn workers on the embedded default:
local-memory cache, no Redis (issue #21, 11). A real gunicorn with several
workers serves the test database."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.counters.helpers import BROWSER, total
from tests.factories import ArticleFactory
from tests.servers import gunicorn

pytestmark = pytest.mark.django_db(transaction=True)

READER = {"User-Agent": BROWSER}


def test_one_readers_reloads_count_once_whichever_worker_answers():
    article = ArticleFactory(slug="neu-geladen")
    path = article.get_absolute_url()
    with gunicorn(workers=3, access_log=True) as site:
        with ThreadPoolExecutor(max_workers=3) as pool:
            for sent in range(6, 61, 6):  # until at least two workers have answered
                answers = list(pool.map(lambda _: site.get(path, READER), range(6)))
                assert {answer.status for answer in answers} == {200}
                answered = site.access_lines(at_least=sent)
                workers = {pid for pid, status, url in answered}
                if len(workers) >= 2:
                    break
        reloads = len(answered)
    assert len(workers) >= 2, "gunicorn sent every request to one worker"
    assert reloads >= 6
    assert total(article) == 1
