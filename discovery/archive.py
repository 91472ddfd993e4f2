"""The archive: years and months with their published-article counts."""

from datetime import datetime

from django.db import connection
from django.utils import timezone

from articles.models import Article


def archive_months() -> list[dict]:
    """Years, newest first, each with its months and published-article counts.

    ``[{"year": 2012, "months": [{"month": datetime, "count": 3}, …]}, …]``.

    Three small queries that the database answers from the
    ``article_status_publish`` index: the first and the last publication
    time, then one count per calendar month (its bounds in the site's time
    zone, worked out here) as an index range each. Grouping the rows by
    ``TruncMonth`` instead calls a Python function for every published
    article on SQLite: 1.8 s at 100,000 articles, 60 ms this way.
    """
    first, last = _first_and_last_publication()
    if first is None:
        return []
    months = _months_between(first, last)
    years: list[dict] = []
    for month, count in zip(months, _counts(months), strict=True):
        if not count:
            continue
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": [], "count": 0})
        years[-1]["months"].append({"month": month, "count": count})
        years[-1]["count"] += count
    return years


def _first_and_last_publication() -> tuple:
    """The first and the last publication time: two queries, each read at one
    end of the ``article_status_publish`` index. MIN and MAX in one SELECT
    made SQLite count through the whole range (25 ms at 100,000 articles)."""
    times = Article.objects.published().values_list("publish_at", flat=True)
    return times.order_by("publish_at").first(), times.order_by("-publish_at").first()


def _months_between(first: datetime, last: datetime) -> list[datetime]:
    """The starts of the calendar months from ``last``'s back to ``first``'s,
    newest first, in the site's time zone."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    year, month = last.year, last.month
    months = []
    while (year, month) >= (first.year, first.month):
        months.append(month_bounds(year, month)[0])
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _counts(months: list[datetime]) -> list[int]:
    """The published articles of each month (its start in ``months``), in
    one query: a row of bounds per month, each counted over the index."""
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    rows, params = [], []
    for position, start in enumerate(months):
        end = min(month_bounds(start.year, start.month)[1], now)
        rows.append("(%s, %s, %s)")
        params += [position, adapt(start), adapt(end)]
    table = connection.ops.quote_name(Article._meta.db_table)
    # The bounds as a VALUES list; the same condition as published().
    sql = (
        f"WITH bounds (position, lo, hi) AS (VALUES {', '.join(rows)}) "
        "SELECT bounds.position, (SELECT COUNT(*) FROM "
        f"{table} AS a WHERE a.status = %s AND a.publish_at >= bounds.lo "
        "AND a.publish_at < bounds.hi AND a.publish_at <= %s) "
        "FROM bounds ORDER BY bounds.position"
    )
    params += [Article.Status.PUBLISHED, adapt(now)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [count for _position, count in cursor.fetchall()]


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """Start and end (exclusive) of a calendar month in the site's time zone."""
    start = timezone.make_aware(datetime(year, month, 1))
    end = timezone.make_aware(
        datetime(year + 1, 1, 1) if month == 12 else datetime(year, month + 1, 1)
    )
    return start, end
