"""The list pages, the archive and the search use the indexes meant for them
(EXPLAIN on SQLite and PostgreSQL): no full scan of the articles, no sort of
every matching row for the home and category pages.

The data is small, so on PostgreSQL sequential scans are switched off for
the test's transaction (``enable_seqscan``): the plan then shows whether an
index can answer the query, which is what is checked here; which one the
planner picks at 100,000 articles is what bench/run.py measures.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Category, Tag
from articles.search_index import FTS_TABLE
from articles.views import page_ids
from authors.models import Author
from core.database import database_analyze
from discovery.search import search_articles
from tests.articles.bulk import bulk_articles

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite plan")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL plan"
)


@pytest.fixture
def lists():
    bulk_articles(600)
    database_analyze()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    published = Article.objects.published()
    return {
        "home": published,
        "category": published.filter(category=Category.objects.first()),
        "tag": published.filter(tags=Tag.objects.first()),
        "author": published.by_author(Author.objects.first()),
    }


def plan(queryset) -> str:
    return queryset.explain()


def sqlite_plan(sql: str) -> str:
    """The plan of a captured query (its parameters are inlined in it)."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


# Which index the planner takes depends on its statistics: with every
# article published (this data) it may walk the publication-time index and
# stop after the page; at 100,000 articles with drafts it takes the first one
# listed (bench data: tag page 27 ms instead of 645 ms sorting whole rows).
PUBLISH_AT = "INDEX articles_article_publish_at"


@on_sqlite
@pytest.mark.parametrize(
    ("page", "indexes"),
    [
        ("home", ["COVERING INDEX article_status_publish", PUBLISH_AT]),
        ("category", ["COVERING INDEX article_category_publish"]),
        ("tag", ["COVERING INDEX article_id_visibility", PUBLISH_AT]),
        ("author", ["COVERING INDEX article_id_visibility", PUBLISH_AT]),
    ],
)
def test_sqlite_list_page_ids_come_from_an_index(lists, page, indexes):
    explained = plan(page_ids(lists[page], 24, 36))
    assert any(
        f"SEARCH articles_article USING {index}" in explained for index in indexes
    ), explained
    assert "SCAN articles_article" not in explained, explained
    if page in {"home", "category"}:
        # The index gives the order; only ties of the same second are sorted
        # by id ("RIGHT PART OF ORDER BY"), never every published article.
        assert "USE TEMP B-TREE FOR ORDER BY" not in explained, explained


@on_postgresql
@pytest.mark.parametrize("page", ["home", "category", "tag", "author"])
def test_postgresql_list_page_ids_come_from_an_index(lists, page):
    explained = plan(page_ids(lists[page], 24, 36))
    assert "Index Scan" in explained or "Index Only Scan" in explained, explained
    assert "Seq Scan" not in explained, explained
    if page in {"home", "category"}:
        # Ordered by an index; at most the ties are sorted (Incremental Sort).
        assert not any(
            line.strip().removeprefix("->  ").startswith("Sort  (")
            for line in explained.splitlines()
        ), explained


def test_the_teasers_are_read_by_their_ids(lists, django_assert_num_queries):
    from articles.views import page_articles

    # The articles (their ids as the subquery), bylines, categories.
    with django_assert_num_queries(3):
        articles = page_articles(lists["tag"], 0, 12)
    assert [article.pk for article in articles] == list(
        page_ids(lists["tag"], 0, 12).values_list("pk", flat=True)
    )


@on_sqlite
def test_sqlite_feeds_read_their_articles_by_ids_first(lists, client):
    """A feed's items are read by their ids, as a list page's: sorting the
    whole rows of a common tag's articles took 1.3 s at 100,000 articles."""
    tag = Tag.objects.first()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/schlagwort/{tag.slug}/feed/").status_code == 200
    (items,) = [q["sql"] for q in captured.captured_queries if '."body"' in q["sql"]]
    explained = sqlite_plan(items)
    assert explained.startswith("SEARCH articles_article USING INTEGER PRIMARY KEY")
    assert "LIST SUBQUERY" in explained, explained


@on_sqlite
def test_sqlite_archive_counts_from_the_index(lists):
    from discovery.archive import archive_months

    with CaptureQueriesContext(connection) as captured:
        archive_months()
    for query in captured.captured_queries:
        explained = sqlite_plan(query["sql"])
        assert "SCAN articles_article" not in explained, explained
        assert "COVERING INDEX article_status_publish" in explained, explained


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_related_candidates_come_from_the_tag_index(lists, vendor):
    """Each tag's candidates are a walk of ``tagged_article_by_tag`` that stops
    early, never a read of all the tag's rows (tens of thousands for a common
    tag at 100,000 articles)."""
    if connection.vendor != vendor:
        pytest.skip(f"{vendor} plan")
    from discovery.related import ranked_related

    article = Article.objects.with_related().filter(tags__isnull=False).first()
    with CaptureQueriesContext(connection) as captured:
        ranked_related(article)
    (query,) = captured.captured_queries
    if vendor == "sqlite":
        explained = sqlite_plan(query["sql"])
        assert "SCAN articles_taggedarticle" not in explained, explained
        assert "COVERING INDEX tagged_article_by_tag (tag_id=?)" in explained
    else:
        with connection.cursor() as cursor:
            # With 600 articles a sort of a tag's rows is cheapest; what is
            # checked is that the index can give them in order.
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + query["sql"])
            explained = "\n".join(row[0] for row in cursor.fetchall())
        assert "Index Only Scan Backward using tagged_article_by_tag" in explained
        assert "Seq Scan on articles_taggedarticle" not in explained, explained


@on_sqlite
def test_sqlite_search_is_one_fts5_query_checked_in_the_index(lists):
    results = search_articles("Vertrieb")
    with CaptureQueriesContext(connection) as captured:
        assert results.count() == 600
        page = results[10:20]
        assert len(page) == 10
        assert results.more_than_limit is False
    fts = [q["sql"] for q in captured.captured_queries if FTS_TABLE in q["sql"]]
    assert len(fts) == 1, fts
    explained = sqlite_plan(fts[0])
    assert "COVERING INDEX article_id_visibility" in explained, explained


def postgresql_plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return [row[0] for row in cursor.fetchall()]


@on_postgresql
def test_postgresql_search_ranks_only_the_newest_matches_in_one_query(lists):
    results = search_articles("Vertrieb")
    with CaptureQueriesContext(connection) as captured:
        assert results.count() == 600
        assert len(results[10:20]) == 10
        assert results.more_than_limit is False
    searched = [q["sql"] for q in captured.captured_queries if "@@" in q["sql"]]
    # One query gives the count and every page (no COUNT over the matches).
    assert len(searched) == 1, searched
    explained = postgresql_plan(searched[0])
    # ts_rank sorts above the Limit of the newest matches: only the bounded
    # candidates are ranked, never every match.
    rank_sort = next(i for i, line in enumerate(explained) if "ts_rank" in line)
    limit = next(i for i, line in enumerate(explained) if "Limit" in line)
    assert rank_sort < limit, "\n".join(explained)
    assert not any("Limit" in line for line in explained[:rank_sort]), explained
