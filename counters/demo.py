"""The counters app's part of the demo magazine and of the benchmark data
(``demo.registry``)."""

import random
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article
from counters.models import DailyViews, ViewOffset
from demo.bench import BATCH, Scale
from demo.registry import bench_data, demo_data


@demo_data
def add_demo_views(*, articles, stdout=None, **kwargs) -> None:
    """Plausible totals and 30 days of daily counts for the demo articles.

    Idempotent: the numbers are derived from the slug, rows are set (not added),
    so running seed_demo again changes nothing.
    """
    today = timezone.localdate()
    rows = []
    offsets = 0
    for article in articles:
        if not article.is_published:
            continue
        rng = random.Random(article.slug)
        published = timezone.localdate(article.publish_at)
        base = rng.randint(20, 160)
        for n in range(30):
            day = today - timedelta(days=n)
            if day < published:
                continue
            # Most reads in the first days after publication, fewer later.
            age = (day - published).days
            count = max(0, int(base * 3 / (1 + age / 3) + rng.randint(0, base // 2)))
            rows.append(DailyViews(article=article, day=day, count=count))
        if (today - published).days > 30:
            ViewOffset.objects.update_or_create(
                article=article, defaults={"views": rng.randint(800, 9000)}
            )
            offsets += 1
    DailyViews.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["article", "day"],
        update_fields=["count"],
    )
    if stdout is not None:
        stdout.write(f"View counts: {len(rows)} daily rows, {offsets} imported totals.")


@bench_data("daily view counts", order=20)
def add_daily_views(*, rng, size: Scale, now, article_ids, featured) -> str:
    """A row of ``counters.DailyViews`` for each of the last ``size.view_days``
    days of every published article (from its publication day on), a few hundred
    views a day for new articles and a handful for old ones, with a long tail of
    popular ones; and an imported starting value (``ViewOffset``) for every tenth
    article, as after a move from WP-PostViews."""
    today = timezone.localdate(now)
    days = [today - timedelta(days=back) for back in range(size.view_days)]
    adapted = {day: connection.ops.adapt_datefield_value(day) for day in days}
    # Millions of rows: a plain executemany of tuples, not model instances.
    table = connection.ops.quote_name(DailyViews._meta.db_table)
    insert = f'INSERT INTO {table} ("article_id", "day", "count") VALUES (%s, %s, %s)'
    published = Article.objects.published().filter(pk__in=article_ids)
    rows = offsets = 0
    for start in range(0, len(article_ids), BATCH):
        chunk = article_ids[start : start + BATCH]
        batch, imported = [], []
        for pk, publish_at in published.filter(pk__in=chunk).values_list(
            "pk", "publish_at"
        ):
            first_day = timezone.localdate(publish_at)
            age = max((today - first_day).days, 0)
            popularity = rng.paretovariate(1.5) * (200 if age < 30 else 5)
            batch.extend(
                (pk, adapted[day], 1 + int(popularity * rng.uniform(0.3, 1.0)))
                for day in days
                if day >= first_day
            )
            if pk % 10 == 0:
                imported.append(ViewOffset(article_id=pk, views=int(popularity * 365)))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert, batch)
            ViewOffset.objects.bulk_create(imported, batch_size=BATCH)
        rows += len(batch)
        offsets += len(imported)
    # What the job worker would have done a few minutes later.
    from counters.rollups import most_read_rollup

    places = most_read_rollup()
    return (
        f"{rows:,} daily view rows, {offsets:,} imported totals, "
        f"most-read roll-up of {places} places"
    )
