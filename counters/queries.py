"""Reads of view counts, shared by the article page, the home page, the admin and
the JSON-LD hook. Plain functions over an article queryset, because ``articles``
must not import ``counters`` (so they cannot be ArticleQuerySet methods)::

    most_read(Article.objects.published(), days=7, limit=5)
"""

from datetime import date, timedelta

from django.db.models import (
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from counters.models import DailyViews, ViewOffset


def _daily_sum(since: date | None = None) -> Subquery:
    rows = DailyViews.objects.filter(article=OuterRef("pk"))
    if since is not None:
        rows = rows.filter(day__gte=since)
    total = rows.order_by().values("article").annotate(total=Sum("count"))
    return Subquery(total.values("total"), output_field=IntegerField())


def view_total_expression():
    """Offset plus the sum of the daily rows, as a correlated subquery (no extra
    query: the database adds it up inside the article query, via the unique
    (article, day) index)."""
    offset = (
        ViewOffset.objects.filter(article=OuterRef("pk")).order_by().values("views")
    )
    return Coalesce(Subquery(offset, output_field=IntegerField()), Value(0)) + Coalesce(
        _daily_sum(), Value(0)
    )


def with_view_total(queryset: QuerySet) -> QuerySet:
    """Annotate ``view_total`` on every article (registered as a queryset hook, so
    ``Article.objects.with_related()`` carries it)."""
    if "view_total" in queryset.query.annotations:
        return queryset
    return queryset.annotate(view_total=view_total_expression())


def most_read(
    queryset: QuerySet, *, days: int | None = None, limit: int = 5
) -> QuerySet:
    """The ``limit`` most-read articles of ``queryset``: of the last ``days`` days
    (today included) annotated with ``recent_views``, or of all time (``days=None``)
    annotated with ``view_total``. Articles without views are left out; ties go to
    the newer article. One query."""
    if days is None:
        return (
            with_view_total(queryset)
            .filter(view_total__gt=0)
            .order_by("-view_total", "-publish_at", "-pk")[:limit]
        )
    since = timezone.localdate() - timedelta(days=days - 1)
    # Candidates ranked from the daily rows of the period alone, read from the
    # covering index ``daily_views_by_day_count`` (day, article, count) without
    # touching an article row; then the queryset's filter (published…) and the
    # tie-break (newer first) apply to those few, whose sums are taken again.
    # Checking every article against the queryset inside the ranking took 3 s
    # at 100,000 articles on SQLite. The margin of candidates covers articles
    # the filter drops (drafts with old views) and ties at the cut.
    candidates = (
        DailyViews.objects.filter(day__gte=since)
        .values("article")
        .annotate(views=Sum("count"))
        .filter(views__gt=0)
        .order_by("-views", "-article")
        .values("article")[: limit * 4 + 20]
    )
    return (
        queryset.filter(pk__in=candidates)
        .annotate(recent_views=_daily_sum(since))
        .order_by("-recent_views", "-publish_at", "-pk")[:limit]
    )


def view_total(article) -> int:
    """The total of one article: the annotation if the article came through
    ``with_view_total``, otherwise one query."""
    annotated = getattr(article, "view_total", None)
    if annotated is not None:
        return annotated
    from articles.models import Article

    return (
        with_view_total(Article.objects.filter(pk=article.pk))
        .values_list("view_total", flat=True)
        .get()
    )


def daily_series(article, *, days: int = 30, today: date | None = None) -> list:
    """``[(day, count), …]`` for the last ``days`` days, oldest first, with zeros
    for days without views. One query."""
    today = today or timezone.localdate()
    first = today - timedelta(days=days - 1)
    counts = dict(
        DailyViews.objects.filter(
            article=article, day__gte=first, day__lte=today
        ).values_list("day", "count")
    )
    return [
        (first + timedelta(days=n), counts.get(first + timedelta(days=n), 0))
        for n in range(days)
    ]
