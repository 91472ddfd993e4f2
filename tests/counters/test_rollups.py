from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from counters.models import DailyViews, MostRead, ViewOffset
from counters.rollups import most_read_ranking, most_read_rollup
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def views(article, count, days_ago=0):
    DailyViews.objects.create(
        article=article,
        day=timezone.localdate() - timedelta(days=days_ago),
        count=count,
    )


@pytest.fixture
def ranked():
    old_hit = ArticleFactory(title="Alter Renner")
    views(old_hit, 900, days_ago=20)
    ViewOffset.objects.create(article=old_hit, views=100)
    fresh = ArticleFactory(title="Frisch")
    views(fresh, 50)
    views(fresh, 30, days_ago=3)
    quiet = ArticleFactory(title="Leise")
    views(quiet, 5)
    return old_hit, fresh, quiet


def titles(articles) -> list[str]:
    return [article.title for article in articles]


def test_rollup_stores_both_rankings_and_readers_get_them(
    ranked, django_assert_num_queries
):
    assert most_read_rollup() == 5
    published = Article.objects.published()
    with django_assert_num_queries(1):  # the places joined to their articles
        week = most_read_ranking(MostRead.Ranking.WEEK, limit=5, queryset=published)
    assert titles(week) == ["Frisch", "Leise"]
    assert [article.recent_views for article in week] == [80, 5]
    all_time = most_read_ranking(MostRead.Ranking.ALL_TIME, limit=2, queryset=published)
    assert titles(all_time) == ["Alter Renner", "Frisch"]
    assert all_time[0].view_total == 1000


def test_reader_never_sums_daily_rows_once_a_rollup_exists(
    ranked, django_assert_num_queries
):
    most_read_rollup()
    views(ranked[2], 10_000, days_ago=1)  # counted after the roll-up: shown next time
    published = Article.objects.published()
    with django_assert_num_queries(1) as captured:
        week = most_read_ranking(MostRead.Ranking.WEEK, limit=5, queryset=published)
    assert "dailyviews" not in captured.captured_queries[0]["sql"]
    assert titles(week) == ["Frisch", "Leise"]
    call_command("most_read_rollup", verbosity=0)  # twice is fine: replaced
    week = most_read_ranking(MostRead.Ranking.WEEK, limit=5, queryset=published)
    assert titles(week) == ["Leise", "Frisch"]


def test_unpublished_articles_leave_the_stored_ranking(ranked):
    most_read_rollup()
    Article.objects.filter(title="Frisch").update(status=Article.Status.DRAFT)
    week = most_read_ranking(
        MostRead.Ranking.WEEK, limit=5, queryset=Article.objects.published()
    )
    assert titles(week) == ["Leise"]


def test_without_a_rollup_the_ranking_is_computed_live(ranked):
    week = most_read_ranking(
        MostRead.Ranking.WEEK, limit=5, queryset=Article.objects.published()
    )
    assert titles(week) == ["Frisch", "Leise"]


def test_home_page_shows_the_rolled_up_ranking(client, ranked):
    most_read_rollup()
    response = client.get("/")
    block = response.text.split('class="most-read"', 1)[1]
    assert block.index("Frisch") < block.index("Leise")
    assert "Alter Renner" in block
