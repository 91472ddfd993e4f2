"""The benchmark's data generator (``manage.py bench_data``), at a tiny scale, so
it cannot rot unnoticed between benchmark runs."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from articles.management.commands.bench_data import (
    FEATURED_SLUG,
    FEATURED_WORDS,
    SCALES,
)
from articles.models import Article, Byline, Category, Tag
from authors.models import Author

pytestmark = pytest.mark.django_db


def test_tiny_scale_creates_the_promised_rows():
    output = io.StringIO()
    call_command("bench_data", scale="tiny", stdout=output)
    assert "Benchmark data ready" in output.getvalue()
    size = SCALES["tiny"]
    assert Article.objects.count() == size.articles
    assert Author.objects.count() == size.authors
    assert Category.objects.count() == size.categories
    assert Tag.objects.count() == size.tags
    per_article = Article.objects.annotate(
        bylines_count=Count("bylines", distinct=True),
        tags_count=Count("tagged_items", distinct=True),
    )
    for article in per_article:
        assert 1 <= article.bylines_count <= 3, article.slug
        assert 2 <= article.tags_count <= 6, article.slug
    # Bodies are stored exactly as Article.save() would store them.
    sanitize = Article._meta.get_field("body").sanitize
    for body in Article.objects.values_list("body", flat=True).distinct():
        assert body == sanitize(body)


def test_featured_article_is_the_newest_and_long(client):
    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    featured = Article.objects.published().first()
    assert featured.slug == FEATURED_SLUG
    assert featured.bylines.count() == 2
    assert featured.tags.count() == 5
    assert abs(featured.reading_minutes - FEATURED_WORDS / 200) <= 1
    assert featured.category == Category.objects.order_by("position").first()
    response = client.get(featured.get_absolute_url())
    assert response.status_code == 200
    assert featured.title in response.content.decode()
    assert FEATURED_SLUG in client.get("/").content.decode()


def test_mix_of_states_and_dates_like_a_real_site():
    call_command("bench_data", scale="small", articles=300, stdout=io.StringIO())
    assert Article.objects.count() == 300
    published = Article.objects.published().count()
    assert 270 <= published < 300  # some drafts, reviews, scheduled
    assert Article.objects.scheduled().exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    # Older articles have lower ids, as on a site that grew over the years.
    dates = list(
        Article.objects.published().order_by("pk").values_list("publish_at", flat=True)
    )
    assert dates == sorted(dates)
    assert Byline.objects.values("author").distinct().count() > 1


def test_refuses_a_database_with_articles(article):
    with pytest.raises(CommandError, match="already holds articles"):
        call_command("bench_data", scale="tiny")
    assert Article.objects.count() == 1


def test_articles_must_be_positive():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench_data", scale="tiny", articles=0)


def test_daily_views_for_every_published_article():
    from counters.models import DailyViews, ViewOffset
    from counters.queries import with_view_total

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    days = SCALES["tiny"].view_days
    published = Article.objects.published()
    rows = DailyViews.objects.values("article").annotate(n=Count("pk"))
    per_article = {row["article"]: row["n"] for row in rows}
    assert set(per_article) == set(published.values_list("pk", flat=True))
    assert all(1 <= n <= days for n in per_article.values())
    assert not DailyViews.objects.filter(count__lt=1).exists()
    for article in published:
        first_row = article.daily_views.order_by("day").first()
        assert first_row.day >= article.publish_at.date() - timedelta(days=1)
    assert ViewOffset.objects.exists()
    totals = with_view_total(published).values_list("view_total", flat=True)
    assert all(total > 0 for total in totals)


def test_articles_are_searchable_after_the_bulk_insert():
    from articles.search import search_articles

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    found = search_articles("Benchmark viral").values_list("slug", flat=True)
    assert FEATURED_SLUG in list(found)


def test_votes_and_their_summaries_agree():
    from django.db.models import Sum

    from ratings.models import RatingSummary, Vote

    call_command("bench_data", scale="tiny", stdout=io.StringIO())
    assert Vote.objects.count() == SCALES["tiny"].votes
    assert not Vote.objects.exclude(article__in=Article.objects.published()).exists()
    for summary in RatingSummary.objects.all():
        votes = Vote.objects.filter(article=summary.article_id)
        assert summary.count == votes.count()
        assert summary.total == votes.aggregate(s=Sum("score"))["s"]
