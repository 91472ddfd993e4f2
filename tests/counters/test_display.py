"""Showing the counts: article page, home page block, JSON-LD, query budgets."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from counters.models import DailyViews
from counters.rollups import most_read_rollup
from counters.services import view_record, view_total_set
from tests.articles.test_views import json_ld_of, make_many_articles
from tests.counters.helpers import BROWSER, total, visit
from tests.factories import ArticleFactory
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


def test_article_page_shows_the_total_in_german(client, article):
    view_total_set(article_id=article.pk, total=2573)
    view_record(article_id=article.pk)
    html = visit(client, article).content.decode()
    expected = '<span class="view-count" data-live-views>· 2.574 Artikelaufrufe</span>'
    assert expected in html


def test_article_page_shows_the_total_in_english(client, article):
    view_total_set(article_id=article.pk, total=2574)
    html = client.get(
        "/en" + article.get_absolute_url(), HTTP_USER_AGENT="Googlebot"
    ).content.decode()
    assert "2,574 views" in html


def test_singular_and_zero(client, article):
    html = visit(client, article, ua="Googlebot").content.decode()
    assert "0 Artikelaufrufe" in html
    view_record(article_id=article.pk)
    assert "· 1 Artikelaufruf<" in visit(client, article, ua="bingbot").content.decode()


def test_json_ld_has_the_interaction_counter(client, article):
    view_total_set(article_id=article.pk, total=41)
    data = json_ld_of(visit(client, article, ua="Googlebot"))
    assert data["interactionStatistic"] == {
        "@type": "InteractionCounter",
        "interactionType": "https://schema.org/ReadAction",
        "userInteractionCount": 41,
    }


def test_counted_view_costs_one_count_write_and_its_window_bookkeeping(client):
    """On the embedded default (no Redis) the 30-minute window and the network's
    count live in the database (core.windows), so every worker sees them: a
    counted view is one write of the count plus two small writes to
    ``core_windowcount``; a reload within the window costs one read."""
    target = make_many_articles(5)[-1]
    visit(client, target, ua="Googlebot/2.1")  # the page's fragments are cached
    with CaptureQueriesContext(connection) as not_counted:
        visit(client, target, ua="Googlebot/2.1")
    with CaptureQueriesContext(connection) as counted:
        visit(client, target)
    with CaptureQueriesContext(connection) as repeated:
        visit(client, target)  # same visitor: not counted again
    assert total(target) == 1
    # Compared as sets of statements, not by position: on a busy machine a
    # short-lived cache entry of the page may run out between two requests
    # and add a read, which is not what this test is about.
    baseline = {q["sql"] for q in not_counted.captured_queries}
    extra = [q["sql"] for q in counted.captured_queries if q["sql"] not in baseline]
    writes = [sql for sql in extra if not sql.startswith("SELECT")]
    counts = [sql for sql in writes if "counters_dailyviews" in sql]
    assert len(counts) == 1 and counts[0].startswith("INSERT INTO")
    assert "ON CONFLICT" in counts[0]
    bookkeeping = [sql for sql in extra if '"core_windowcount"' in sql]
    assert len(bookkeeping) == 3
    assert [sql for sql in writes if sql not in counts + bookkeeping] == []
    reloaded = [q["sql"] for q in repeated.captured_queries]
    assert all(sql.startswith("SELECT") for sql in reloaded)
    assert len([sql for sql in reloaded if '"core_windowcount"' in sql]) == 1


def test_with_redis_a_counted_view_costs_one_write_statement(client, settings):
    target = make_many_articles(5)[-1]
    with redis_server() as redis:
        settings.CACHES = {
            "default": {
                "BACKEND": "config.cache.ResilientRedisCache",
                "LOCATION": redis.url,
            }
        }
        with CaptureQueriesContext(connection) as counted:
            visit(client, target)
        with CaptureQueriesContext(connection) as repeated:
            visit(client, target)
    writes = [q["sql"] for q in counted.captured_queries if "SELECT" not in q["sql"]]
    assert len(writes) == 1 and "counters_dailyviews" in writes[0]
    assert "core_windowcount" not in str(repeated.captured_queries)
    assert total(target) == 1


def test_article_page_stays_within_its_budget(client, django_assert_max_num_queries):
    target = make_many_articles(5)[-1]
    for day in range(30):
        view_record(article_id=target.pk, day=timezone.localdate() - timedelta(day))
    # Cold cache, including the counted view and its window bookkeeping (3).
    with django_assert_max_num_queries(13):
        assert visit(client, target).status_code == 200
    assert total(target) == 31


def test_home_shows_most_read_block(client):
    today = timezone.localdate()
    hit = ArticleFactory(title="Der Renner")
    old_hit = ArticleFactory(title="Der Klassiker")
    ArticleFactory(title="Ungelesen")
    draft = ArticleFactory(title="Geheimer Entwurf", status=Article.Status.DRAFT)
    view_record(article_id=hit.pk, day=today, views=1234)
    view_record(article_id=old_hit.pk, day=today - timedelta(days=20), views=5000)
    view_record(article_id=draft.pk, day=today, views=99999)

    html = client.get("/", HTTP_USER_AGENT=BROWSER).content.decode()
    block = html[html.index('class="most-read"') :]
    assert "Meistgelesen" in block and "Letzte 7 Tage" in block
    week, all_time = block.split("Insgesamt", 1)
    assert "Der Renner" in week and "1.234 Artikelaufrufe" in week
    assert "Der Klassiker" not in week
    assert all_time.index("Der Klassiker") < all_time.index("Der Renner")
    assert "5.000 Artikelaufrufe" in all_time
    assert "Ungelesen" not in block and "Geheimer Entwurf" not in block


def test_most_read_block_is_cached_per_language(client, settings):
    article = ArticleFactory(title="Zuerst")
    view_record(article_id=article.pk, views=3)
    assert "Zuerst" in client.get("/").content.decode()
    later = ArticleFactory(title="Später gelesen")
    view_record(article_id=later.pk, views=300)
    html = client.get("/").content.decode()
    assert "Später gelesen" not in html[html.index('class="most-read"') :]
    english = client.get("/en/").content.decode()
    assert "Most read" in english and "300 views" in english


def test_home_query_count_with_most_read_block(client, django_assert_max_num_queries):
    for article in make_many_articles(15):
        view_record(article_id=article.pk, views=article.pk)
    most_read_rollup()  # the worker's job
    # Cold: two queries for the block, one for the next scheduled publication.
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    with CaptureQueriesContext(connection) as cold:
        from django.core.cache import cache
        from django.core.cache.utils import make_template_fragment_key

        # Only this block cold: other sidebar blocks (ratings) cache on their own.
        # The template quotes the fragment name, and the quotes are part of it.
        cache.delete(make_template_fragment_key('"counters-most-read"', ["de"]))
        client.get("/")
    # One query per ranking, from the roll-up: no daily row is read.
    assert len(cold) == len(warm) + 2
    assert not any("dailyviews" in query["sql"] for query in cold.captured_queries)


def test_total_counts_views_that_happened(client, article):
    DailyViews.objects.create(article=article, day=timezone.localdate(), count=7)
    view_total_set(article_id=article.pk, total=100)
    view_record(article_id=article.pk)
    assert total(article) == 101


@pytest.mark.parametrize("clock", ["12:00", "00:05"])
def test_a_reload_costs_one_read_at_any_time_of_day(client, clock):
    """In the first half hour of a day yesterday's key is looked up too, in
    the same read."""
    target = make_many_articles(5)[-1]
    hour, minute = map(int, clock.split(":"))
    moment = timezone.make_aware(
        datetime.combine(timezone.localdate(), time(hour, minute))
    )
    with time_machine.travel(moment, tick=False):
        visit(client, target, ua="Googlebot/2.1")
        with CaptureQueriesContext(connection) as bot:
            visit(client, target, ua="Googlebot/2.1")
        visit(client, target)
        with CaptureQueriesContext(connection) as reload:
            visit(client, target)
    assert len(reload) == len(bot) + 1
