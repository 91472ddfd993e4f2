"""Measure view counting: bot detection, one counted view, parallel views, and
the most-read queries on a larger table. Not a test; numbers for the README.

    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 \\
        .venv/bin/python manage.py migrate
    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 \\
        .venv/bin/python bench/counters_bench.py

Works on any migrated database (SQLite or PostgreSQL); it creates articles with
slugs starting ``bench-`` and deletes them again at the end.
"""

import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from counters.bots import is_bot  # noqa: E402
from counters.models import DailyViews  # noqa: E402
from counters.queries import most_read, with_view_total  # noqa: E402
from counters.services import view_record  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", 1000))
DAYS = int(os.environ.get("BENCH_DAYS", 90))
PARALLEL_VIEWS = int(os.environ.get("BENCH_VIEWS", 2000))
THREADS = int(os.environ.get("BENCH_THREADS", 8))


def timed(function, repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    print(f"database: {connection.vendor}")
    browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0"
    is_bot.cache_clear()
    first = timed(lambda: (is_bot.cache_clear(), is_bot(browser)), 50)
    cached = timed(lambda: is_bot(browser), 1000) * 1000
    print(f"is_bot, uncached: {first:.3f} ms; cached: {cached:.2f} µs")

    category, _ = Category.objects.get_or_create(
        slug="bench", defaults={"name": "Bench"}
    )
    Article.objects.filter(slug__startswith="bench-").delete()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"Bench {n}",
            slug=f"bench-{n}",
            lead="Bench",
            category=category,
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(days=n % 400),
        )
        for n in range(ARTICLES)
    )
    ids = list(
        Article.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    today = timezone.localdate()
    try:
        start = time.perf_counter()
        DailyViews.objects.bulk_create(
            (
                DailyViews(
                    article_id=pk,
                    day=today - timedelta(days=d),
                    count=(pk * 7 + d) % 97,
                )
                for pk in ids
                for d in range(DAYS)
            ),
            batch_size=5000,
        )
        elapsed = time.perf_counter() - start
        print(f"filled {len(ids) * DAYS} daily rows in {elapsed:.1f} s")

        target = ids[0]
        one_view = timed(lambda: view_record(article_id=target), 200)
        print(f"one counted view (upsert, autocommit): {one_view:.3f} ms median")

        def count(n):
            try:
                view_record(article_id=ids[n % 10])
            finally:
                connection.close()

        before = sum(
            DailyViews.objects.filter(article_id__in=ids[:10], day=today).values_list(
                "count", flat=True
            )
        )
        start = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(count, range(PARALLEL_VIEWS)))
        elapsed = time.perf_counter() - start
        after = sum(
            DailyViews.objects.filter(article_id__in=ids[:10], day=today).values_list(
                "count", flat=True
            )
        )
        print(
            f"{PARALLEL_VIEWS} views in {THREADS} threads on 10 articles: "
            f"{PARALLEL_VIEWS / elapsed:.0f} views/s (new connection each), "
            f"lost: {PARALLEL_VIEWS - (after - before)}"
        )

        published = Article.objects.published()
        week = timed(lambda: list(most_read(published, days=7)), 5)
        print(f"most_read 7 days: {week:.1f} ms")
        print(
            f"most_read all time: {timed(lambda: list(most_read(published)), 5):.1f} ms"
        )
        one = Article.objects.filter(pk=target)
        single = timed(lambda: list(with_view_total(one)), 50)
        print(f"total of one article (annotation): {single:.3f} ms")
    finally:
        DailyViews.objects.filter(article_id__in=ids).delete()
        Article.objects.filter(slug__startswith="bench-").delete()


if __name__ == "__main__":
    main()
