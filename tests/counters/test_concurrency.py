"""No view is lost under concurrent load: real threads, real database (SQLite in
WAL mode with a file, or PostgreSQL), the whole request path through the
middleware."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client

from counters.models import DailyViews
from counters.services import view_record
from tests.counters.helpers import BROWSER, total
from tests.factories import ArticleFactory

VISITORS = 200


def run_in_threads(function, count: int, workers: int = 16) -> list:
    def task(number):
        try:
            return function(number)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(task, range(count)))


@pytest.mark.django_db(transaction=True)
def test_200_parallel_visitors_give_exactly_200(settings):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
    article = ArticleFactory()
    url = article.get_absolute_url()

    def one_visitor(number):
        response = Client().get(
            url,
            REMOTE_ADDR=f"10.{number // 250}.{number % 250}.1",
            HTTP_USER_AGENT=BROWSER,
        )
        return response.status_code

    assert run_in_threads(one_visitor, VISITORS) == [200] * VISITORS
    assert total(article) == VISITORS
    rows = DailyViews.objects.filter(article=article)
    assert rows.aggregate(s=Sum("count"))["s"] == VISITORS


@pytest.mark.django_db(transaction=True)
def test_parallel_upserts_across_days_add_up():
    """Inserts racing for the same new (article, day) row, on several days."""
    article = ArticleFactory()
    days = [date(2026, 3, d) for d in (9, 10, 11, 12)]
    run_in_threads(
        lambda n: view_record(article_id=article.pk, day=days[n % 4]), VISITORS
    )
    counts = dict(
        DailyViews.objects.filter(article=article).values_list("day", "count")
    )
    assert counts == dict.fromkeys(days, VISITORS // 4)
    assert sum(counts.values()) == total(article) == VISITORS
