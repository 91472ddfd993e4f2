"""Receivers connected in apps.py."""

import random
from datetime import timedelta

from django.utils import timezone

from counters.models import DailyViews, ViewOffset


def add_demo_views(sender, *, articles, stdout=None, **kwargs) -> None:
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
