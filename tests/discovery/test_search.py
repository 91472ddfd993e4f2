from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, SearchDocument
from articles.search_index import (
    search_index_deferred,
    search_index_rebuild,
    search_index_update,
)
from discovery.search import excerpt_html, search_articles
from tests.articles.bulk import bulk_articles
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)


def titles(queryset) -> list[str]:
    return [article.title for article in queryset]


def test_search_finds_title_lead_body_tags_and_authors():
    author = AuthorFactory(first_name="Ottilie", last_name="Quastenberg")
    ArticleFactory(title="Quartalszahlen im Überblick", authors=[AuthorFactory()])
    ArticleFactory(title="Zweiter", lead="Der Kundendienst wächst.")
    ArticleFactory(title="Dritter", body="<p>Über die Lieferkette.</p>")
    ArticleFactory(title="Vierter", tags=["Digitalisierung"])
    ArticleFactory(title="Fünfter", authors=[author])
    assert titles(search_articles("Quartalszahlen")) == ["Quartalszahlen im Überblick"]
    assert titles(search_articles("Kundendienst")) == ["Zweiter"]
    assert titles(search_articles("Lieferkette")) == ["Dritter"]
    assert titles(search_articles("Digitalisierung")) == ["Vierter"]
    assert titles(search_articles("Quastenberg")) == ["Fünfter"]


def test_search_shows_only_published_articles():
    ArticleFactory(title="Sichtbare Logistik")
    ArticleFactory(title="Entwurf Logistik", status=Article.Status.DRAFT)
    ArticleFactory(
        title="Geplante Logistik", publish_at=datetime(2999, 1, 1, tzinfo=UTC)
    )
    assert titles(search_articles("Logistik")) == ["Sichtbare Logistik"]


def test_title_hits_rank_above_body_hits():
    ArticleFactory(
        title="Allgemeines",
        body="<p>Nebenbei geht es um Kaltakquise.</p>",
        publish_at=datetime(2013, 1, 1, tzinfo=UTC),
    )
    ArticleFactory(
        title="Kaltakquise richtig gemacht", publish_at=datetime(2012, 1, 1, tzinfo=UTC)
    )
    assert titles(search_articles("Kaltakquise")) == [
        "Kaltakquise richtig gemacht",
        "Allgemeines",
    ]


def test_all_words_must_match():
    ArticleFactory(title="Vertrieb im Mittelstand")
    ArticleFactory(title="Vertrieb im Konzern")
    assert titles(search_articles("Vertrieb Mittelstand")) == [
        "Vertrieb im Mittelstand"
    ]


def test_index_follows_tags_and_bylines_added_after_saving(article):
    """The admin saves tags and bylines after the article row (save_related)."""
    assert not search_articles("Nachhaltigkeit").exists()
    article.tags.add("Nachhaltigkeit")
    assert list(search_articles("Nachhaltigkeit")) == [article]
    article.tags.remove("Nachhaltigkeit")
    assert not search_articles("Nachhaltigkeit").exists()

    author = AuthorFactory(last_name="Wendelstein")
    article.bylines.create(author=author, position=5)
    assert list(search_articles("Wendelstein")) == [article]
    author.last_name = "Zugspitz"
    author.save()
    assert list(search_articles("Zugspitz")) == [article]
    assert not search_articles("Wendelstein").exists()


@on_postgresql
def test_deferred_refreshes_run_once_at_the_end(django_assert_num_queries):
    """Inside ``search_index_deferred()`` the article, byline and tag changes
    ask for refreshes that run as one UPDATE when the block ends."""
    author = AuthorFactory(last_name="Wendelstein")
    with search_index_deferred():
        article = ArticleFactory(title="Aufgeschoben", tags=["Nachhaltigkeit"])
        article.bylines.create(author=author, position=5)
        assert not search_articles("Wendelstein").exists()
    assert list(search_articles("Wendelstein")) == [article]
    assert list(search_articles("Nachhaltigkeit")) == [article]
    assert list(search_articles("Aufgeschoben")) == [article]
    with django_assert_num_queries(1), search_index_deferred():
        search_index_update(article_ids=[article.pk])
        search_index_update(article_ids=[article.pk])
        with search_index_deferred():  # nested: the outer block refreshes
            search_index_update(article_ids=[article.pk])


@on_postgresql
def test_deferred_refreshes_are_dropped_when_the_block_fails():
    article = ArticleFactory(title="Vorher")
    with pytest.raises(RuntimeError), search_index_deferred():
        Article.objects.filter(pk=article.pk).update(title="Nachher")
        search_index_update(article_ids=[article.pk])
        raise RuntimeError
    assert not search_articles("Nachher").exists()


@on_postgresql
def test_german_stemming_on_postgresql():
    ArticleFactory(title="Der Vertrieb im Wandel")
    ArticleFactory(title="Häuser und Gärten", lead="Über das Haus.")
    assert titles(search_articles("Vertriebs")) == ["Der Vertrieb im Wandel"]
    assert titles(search_articles("Häusern")) == ["Häuser und Gärten"]


@on_postgresql
def test_search_vector_is_stored_with_a_gin_index():
    article = ArticleFactory(title="Gespeicherter Vektor")
    Article.objects.filter(pk=article.pk).update(search_vector=None)
    assert search_index_update(article_ids=[article.pk]) == 1
    assert Article.objects.get(pk=article.pk).search_vector
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = "
            "'article_search_vector_gin'"
        )
        assert "gin" in cursor.fetchone()[0].lower()


@on_postgresql
def test_rebuild_for_bulk_loads_fills_every_vector_and_keeps_the_index():
    bulk_articles(30)  # bulk_create: no signals, no vectors
    ArticleFactory(title="Nachzügler im Vertrieb")
    Article.objects.update(search_vector=None)
    assert search_index_rebuild() == 31
    assert not Article.objects.filter(search_vector=None).exists()
    assert titles(search_articles("Nachzügler")) == ["Nachzügler im Vertrieb"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = "
            "'article_search_vector_gin'"
        )
        assert "gin" in cursor.fetchone()[0].lower()


def test_excerpt_is_escaped_and_marks_hits(client):
    ArticleFactory(
        title="Sicherheit",
        lead="Vorsicht vor <script>alert(1)</script>, wenn x < y & Phishing kommt.",
        body="<p>Phishing erkennen.</p>",
    )
    html = client.get("/suche/", {"q": "Phishing"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "x &lt; y &amp;" in html
    assert "<mark>Phishing</mark>" in html


def test_excerpt_html_escapes_before_marking():
    assert excerpt_html("a<b>\u27e6hit\u27e7") == "a&lt;b&gt;<mark>hit</mark>"


def test_search_page_lists_ranked_results(client):
    ArticleFactory(title="Erfolgreiche Messeplanung", slug="messe")
    ArticleFactory(title="Anderes Thema")
    response = client.get("/suche/", {"q": "Messeplanung"})
    assert response.status_code == 200
    assert "discovery/search.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'href="/artikel/messe/"' in html and "Anderes Thema" not in html
    assert "1 Artikel gefunden" in html or "Ein Artikel gefunden" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def searched(captured) -> list[str]:
    """The statements that search (FTS5 or the tsvector), not read a page."""
    return [
        q["sql"]
        for q in captured.captured_queries
        if "MATCH" in q["sql"] or "@@" in q["sql"]
    ]


def test_search_page_ranks_a_query_once_per_content_version(client):
    ArticleFactory(
        title="Werkzeugkasten alt", publish_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    with CaptureQueriesContext(connection) as captured:
        first = client.get("/suche/", {"q": "Werkzeugkasten"})
    assert len(searched(captured)) == 1
    # The same query again, and its second page: the cached ranking.
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/suche/", {"q": "werkzeugkasten"})
        client.get("/suche/", {"q": "Werkzeugkasten", "page": 1})
    assert searched(captured) == []
    assert titles(again.context["page_obj"]) == titles(first.context["page_obj"])
    # A new article is a new content version: searched again, and found.
    ArticleFactory(title="Werkzeugkasten neu")
    with CaptureQueriesContext(connection) as captured:
        fresh = client.get("/suche/", {"q": "Werkzeugkasten"})
    assert len(searched(captured)) == 1
    assert set(titles(fresh.context["page_obj"])) == {
        "Werkzeugkasten alt",
        "Werkzeugkasten neu",
    }


def reads_articles(captured) -> bool:
    """Whether a captured query read articles to show (their bodies)."""
    return any('"body"' in query["sql"] for query in captured.captured_queries)


def test_search_page_renders_its_results_once_per_content_version(client):
    ArticleFactory(title="Werkzeugkasten alt", lead="Ein Werkzeugkasten vom Hobel")
    first = client.get("/suche/", {"q": "Werkzeugkasten"}).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/suche/", {"q": "Werkzeugkasten"}).content.decode()
    assert not reads_articles(captured)
    assert again == first
    assert "Werkzeugkasten alt" in again
    assert "<mark>Werkzeugkasten</mark>" in again
    # Another query, page or language is rendered on its own.
    with CaptureQueriesContext(connection) as captured:
        english = client.get("/en/suche/", {"q": "Werkzeugkasten"})
    assert reads_articles(captured)
    assert english.status_code == 200
    # A change of the content (here a new article) renders the results afresh.
    ArticleFactory(title="Werkzeugkasten neu")
    with CaptureQueriesContext(connection) as captured:
        fresh = client.get("/suche/", {"q": "Werkzeugkasten"}).content.decode()
    assert reads_articles(captured)
    assert "Werkzeugkasten neu" in fresh
    assert "Werkzeugkasten alt" in fresh


def test_search_articles_without_a_version_never_caches():
    ArticleFactory(title="Werkzeugkasten")
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert search_articles("Werkzeugkasten").count() == 1
        assert len(searched(captured)) == 1


def test_search_page_is_paginated_and_keeps_the_query(client):
    for i in range(13):
        ArticleFactory(title=f"Werkzeugkasten Teil {i}")
    first = client.get("/suche/", {"q": "Werkzeugkasten"})
    assert len(first.context["page_obj"].object_list) == 10
    assert "?q=Werkzeugkasten&amp;page=2" in first.content.decode()
    second = client.get("/suche/", {"q": "Werkzeugkasten", "page": 2})
    assert len(second.context["page_obj"].object_list) == 3
    assert client.get("/suche/", {"q": "Werkzeugkasten", "page": 9}).status_code == 404


def test_header_has_a_labelled_search_box_on_every_page(client, article):
    for url in ["/", article.get_absolute_url(), "/archiv/", "/autoren/"]:
        html = client.get(url).content.decode()
        assert '<input type="search" id="site-search-q" name="q"' in html, url
        assert '<label for="site-search-q"' in html, url


@pytest.mark.parametrize(
    "query",
    [
        '"Vertrieb',
        "Vertrieb OR -Mittelstand",
        "' OR 1=1; DROP TABLE articles_article; --",
        "a & b | !c <-> (d:*",
        "🚀📈 Vertrieb 🤝",
        "%_\\",
        "   ",
        "***",
        "Straße ÄÖÜ",
    ],
)
def test_odd_queries_give_a_clear_page(client, article, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert "<h1>Suche</h1>" in response.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()


def test_empty_query_asks_for_words(client, article):
    for params in [{}, {"q": ""}]:
        response = client.get("/suche/", params)
        assert response.status_code == 200
        assert "Geben Sie ein oder mehrere Wörter ein" in response.content.decode()
        assert response.context["page_obj"].paginator.count == 0


def test_too_long_query_is_rejected_with_a_message(client):
    response = client.get("/suche/", {"q": "x" * 201})
    assert response.status_code == 400
    assert "höchstens 200 Zeichen" in response.content.decode()
    assert client.get("/suche/", {"q": "x" * 200}).status_code == 200


def test_nul_character_is_rejected_not_a_500(client):
    response = client.get("/suche/", {"q": "Vertrieb\x00"})
    assert response.status_code == 400


@pytest.mark.usefixtures("one_rate_window")
def test_search_is_rate_limited(client, settings, article):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/m"}
    for _ in range(3):
        assert client.get("/suche/", {"q": "Vertrieb"}).status_code == 200
    response = client.get("/suche/", {"q": "Vertrieb"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Zu viele Suchanfragen" in response.content.decode()
    # Opening the empty search page does not count.
    assert client.get("/suche/").status_code == 200


def test_search_in_english(client, article):
    response = client.get("/en/suche/", {"q": ""})
    assert response.status_code == 200
    assert "Enter one or more words" in response.content.decode()


def test_search_query_budget_with_1000_articles(client, django_assert_max_num_queries):
    bulk_articles(1000)
    # The ranked ids, which give the count and every page (one FTS5 query on
    # SQLite, one GIN query on PostgreSQL), the page's articles and their
    # related rows (ids first: the excerpt is made for the shown page only).
    budget = 7
    with django_assert_max_num_queries(budget):
        response = client.get("/suche/", {"q": "Vertrieb Mittelstand"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 1000
    assert len(response.context["page_obj"].object_list) == 10
    with django_assert_max_num_queries(budget):
        assert (
            client.get("/suche/", {"q": "Massenartikel", "page": 50}).status_code == 200
        )


def test_article_saved_in_the_admin_is_found_by_its_tags_and_byline(admin_client):
    """Tags and the byline inline are saved after the article row (save_related)."""
    from tests.articles.test_admin import ADD_URL, article_form
    from tests.factories import CategoryFactory

    author = AuthorFactory(first_name="Gerlinde", last_name="Sturmhaube")
    response = admin_client.post(
        ADD_URL,
        article_form(
            CategoryFactory(),
            title="Ohne Suchwort im Titel",
            status=Article.Status.PUBLISHED,
            publish_at_0="2012-06-15",
            publish_at_1="10:00:00",
            tags="Betriebsklima",
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-author": author.pk,
                "bylines-0-position": "0",
            },
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert titles(search_articles("Betriebsklima")) == [article.title]
    assert titles(search_articles("Sturmhaube")) == [article.title]


def test_rebuild_search_index_command_after_a_bulk_import():
    from io import StringIO

    from django.core.management import call_command

    Article.objects.bulk_create(
        [
            Article(
                title="Importierter Beitrag",
                slug="importiert",
                lead="Aus WordPress.",
                category=ArticleFactory().category,
                status=Article.Status.PUBLISHED,
                publish_at=datetime(2012, 6, 15, tzinfo=UTC),
            )
        ]
    )
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert titles(search_articles("Importierter")) == ["Importierter Beitrag"]
    assert "2 articles" in out.getvalue()


def test_after_a_rebuild_every_save_is_indexed_again():
    """The rebuild writes the documents without the FTS5 triggers (SQLite) and
    creates them again: an article saved afterwards is found, an edit moves
    it, a deletion removes it."""
    ArticleFactory(title="Bestand im Archiv")
    search_index_rebuild()
    article = ArticleFactory(title="Neu nach dem Umbau")
    assert titles(search_articles("Umbau")) == ["Neu nach dem Umbau"]
    article.title = "Neu nach der Renovierung"
    article.save()
    assert titles(search_articles("Umbau")) == []
    assert titles(search_articles("Renovierung")) == ["Neu nach der Renovierung"]
    article.delete()
    assert titles(search_articles("Renovierung")) == []
    assert titles(search_articles("Archiv")) == ["Bestand im Archiv"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 content table")
def test_a_rebuild_stores_the_documents_in_the_order_of_their_articles():
    """FTS5's rebuild reads the documents in storage order and writes a
    segment for every step back in number (articles.search_index): after a
    rebuild they are stored in ascending order, however they were written."""
    articles = [ArticleFactory(title=f"Beitrag {n}") for n in range(5)]
    for article in reversed(articles):  # rewritten newest first
        SearchDocument.objects.filter(article=article).delete()
        search_index_update(article_ids=[article.pk])

    def stored_order():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id FROM {SearchDocument._meta.db_table} ORDER BY rowid"
            )
            return [row[0] for row in cursor.fetchall()]

    numbers = [article.pk for article in articles]
    assert stored_order() == numbers[::-1]
    search_index_rebuild()
    assert stored_order() == numbers
    assert titles(search_articles("Beitrag")) != []


@on_postgresql
def test_a_rebuild_gives_the_planner_statistics_of_its_sources():
    """Right after a bulk load PostgreSQL has no statistics of the tag and
    byline tables, planned the vector's subqueries as scans of every tag
    per article (100,000 articles: 773 s); the rebuild analyzes them first."""
    ArticleFactory(title="Frisch geladen", tags=["Statistik"])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pg_class SET reltuples = -1"
            " WHERE relname = 'articles_taggedarticle'"
        )
    search_index_rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = 'articles_taggedarticle'"
        )
        assert cursor.fetchone()[0] >= 1
    assert titles(search_articles("Frisch")) == ["Frisch geladen"]
