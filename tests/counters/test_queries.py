from datetime import date, timedelta

import pytest
import time_machine

from articles.models import Article
from counters.models import DailyViews, ViewOffset
from counters.queries import daily_series, most_read, view_total, with_view_total
from counters.services import view_record
from tests.factories import PAST, ArticleFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2026, 3, 10), tick=False):
        yield


def test_with_view_total_adds_offset_and_daily_rows():
    article, unread = ArticleFactory(), ArticleFactory()
    view_record(article_id=article.pk, day=TODAY, views=5)
    view_record(article_id=article.pk, day=TODAY - timedelta(days=400), views=2)
    ViewOffset.objects.create(article=article, views=1000)
    totals = dict(
        with_view_total(Article.objects.all()).values_list("pk", "view_total")
    )
    assert totals == {article.pk: 1007, unread.pk: 0}


def test_with_view_total_is_idempotent():
    queryset = with_view_total(with_view_total(Article.objects.all()))
    assert list(queryset.query.annotations) == ["view_total"]


def test_view_total_uses_the_annotation_or_one_query(django_assert_num_queries):
    article = ArticleFactory()
    view_record(article_id=article.pk, views=3)
    annotated = with_view_total(Article.objects.all()).get()
    plain = Article.objects.get()
    with django_assert_num_queries(0):
        assert view_total(annotated) == 3
    with django_assert_num_queries(1):
        assert view_total(plain) == 3


def test_most_read_of_the_last_7_days():
    a, b, c, old = (ArticleFactory(title=t) for t in "abcd")
    view_record(article_id=a.pk, day=TODAY, views=5)
    view_record(article_id=b.pk, day=TODAY - timedelta(days=6), views=9)
    view_record(article_id=c.pk, day=TODAY - timedelta(days=3), views=5)
    view_record(article_id=old.pk, day=TODAY - timedelta(days=7), views=100)
    ViewOffset.objects.create(article=old, views=5000)
    result = list(most_read(Article.objects.all(), days=7, limit=5))
    assert result[0] == b and result[0].recent_views == 9
    assert set(result[1:]) == {a, c}  # a tie: the newer article first
    assert old not in result


def test_most_read_all_time_respects_limit_and_ties():
    older = ArticleFactory(publish_at=PAST)
    newer = ArticleFactory(publish_at=PAST + timedelta(days=1))
    top = ArticleFactory()
    ArticleFactory()  # never read: left out
    for article, views in ((older, 10), (newer, 10), (top, 30)):
        view_record(article_id=article.pk, day=TODAY, views=views)
    assert list(most_read(Article.objects.all(), limit=5)) == [top, newer, older]
    assert list(most_read(Article.objects.all(), limit=1)) == [top]


def test_most_read_keeps_the_queryset_filter(django_assert_num_queries):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    view_record(article_id=draft.pk, views=50)
    with django_assert_num_queries(2):
        assert list(most_read(Article.objects.published(), days=7)) == []
        assert list(most_read(Article.objects.published())) == []


def test_daily_series_fills_gaps_with_zeros(django_assert_num_queries):
    article = ArticleFactory()
    view_record(article_id=article.pk, day=TODAY, views=4)
    view_record(article_id=article.pk, day=TODAY - timedelta(days=29), views=2)
    view_record(article_id=article.pk, day=TODAY - timedelta(days=30), views=99)
    with django_assert_num_queries(1):
        series = daily_series(article, days=30)
    assert len(series) == 30
    assert series[0] == (TODAY - timedelta(days=29), 2)
    assert series[-1] == (TODAY, 4)
    assert sum(count for _day, count in series) == 6


def test_daily_rows_are_unique_per_article_and_day():
    from django.db import IntegrityError, transaction

    article = ArticleFactory()
    DailyViews.objects.create(article=article, day=TODAY, count=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        DailyViews.objects.create(article=article, day=TODAY, count=1)
