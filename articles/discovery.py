"""Reads that help readers find articles: archive months and related articles."""

from datetime import datetime

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from articles import extensions
from articles.models import Article, Byline

RELATED_LIMIT = 4


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


def related_articles(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Published articles like ``article``: most shared tags first, then the same
    category, then the newest; never the article itself.

    Two queries whatever the number of tags or results: the ranked list (with
    its category joined) and the bylines of the cards; plus what feature apps
    registered as queryset hooks. The article's own tags come from the
    ``with_related()`` prefetch of the article page, so they cost nothing here.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    same_category = Case(
        When(category_id=article.category_id, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    shared_tags = (
        Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids))
        if tag_ids
        else Value(0, output_field=IntegerField())
    )
    candidates = (
        Article.objects.published()
        .defer("search_vector")
        .exclude(pk=article.pk)
        .annotate(shared_tags=shared_tags, same_category=same_category)
        .filter(Q(shared_tags__gt=0) | Q(category_id=article.category_id))
        .order_by("-shared_tags", "-same_category", "-publish_at", "-pk")
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author").order_by("position"),
            )
        )
    )
    return list(extensions.apply_queryset_hooks(candidates)[:limit])
