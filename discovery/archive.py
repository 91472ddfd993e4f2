"""The archive: years and months with their published-article counts."""

from datetime import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from articles.models import Article


def archive_months() -> list[dict]:
    """Years, newest first, each with its months and published-article counts.

    One query (``TruncMonth`` in the site's time zone, grouped in the database):
    ``[{"year": 2012, "months": [{"month": datetime, "count": 3}, …]}, …]``.
    """
    rows = (
        Article.objects.published()
        .annotate(month=TruncMonth("publish_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    years: list[dict] = []
    for row in rows:
        month = timezone.localtime(row["month"])
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": [], "count": 0})
        years[-1]["months"].append({"month": month, "count": row["count"]})
        years[-1]["count"] += row["count"]
    return years


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """Start and end (exclusive) of a calendar month in the site's time zone."""
    start = timezone.make_aware(datetime(year, month, 1))
    end = timezone.make_aware(
        datetime(year + 1, 1, 1) if month == 12 else datetime(year, month + 1, 1)
    )
    return start, end
