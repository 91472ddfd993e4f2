"""One German query set for both databases: the same articles, the same
queries, the same top results on SQLite (FTS5, stemmed in Python) and
PostgreSQL (the ``german`` configuration). Run the file with and without
``DATABASE_URL`` pointing at PostgreSQL."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from articles.models import Article
from discovery import search
from discovery.search import search_articles
from tests.articles.bulk import bulk_articles
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

ARTICLES = [
    # title, lead, body, tags
    ("Vertrieb im Mittelstand", "Wie kleine Firmen verkaufen.", "", []),
    ("Der Vertriebsleiter", "Ein Porträt.", "<p>Er leitet den Vertrieb.</p>", []),
    ("Über die Bäckereien", "Brot und Brötchen.", "<p>Vom Bäcker.</p>", []),
    ("Große Straßen", "Der Verkehr wächst.", "<p>Straßenbau in Köln.</p>", []),
    ("Häuser und Gärten", "Über das Haus.", "<p>Ein Garten am Haus.</p>", []),
    ("Künstliche Intelligenz", "Maschinen lernen.", "<p>Im Büro.</p>", ["KI"]),
    ("Büroalltag", "Kaffee und Intelligenz.", "<p>Künstliche Pflanzen.</p>", []),
]

# query → the expected titles, best first (the top of the list on both).
CASES = {
    # Stemming: inflected forms find each other.
    "Häusern": ["Häuser und Gärten"],
    "Bäckerei": ["Über die Bäckereien"],
    "Gärten Haus": ["Häuser und Gärten"],
    # Case folding of umlauts and ß (lower- and upper-case, „Strasse“).
    "BÄCKEREIEN": ["Über die Bäckereien"],
    "straße": ["Große Straßen"],
    "grosse": ["Große Straßen"],
    # Stop words are ignored (as „im“ and „über“ on PostgreSQL).
    "Vertrieb im Mittelstand": ["Vertrieb im Mittelstand"],
    # The last word also finds longer words.
    "Vertriebsl": ["Der Vertriebsleiter"],
    "Mittelst": ["Vertrieb im Mittelstand"],
    # A phrase: the words next to each other, in this order.
    '"künstliche Intelligenz"': ["Künstliche Intelligenz"],
    # Title hits rank above other hits.
    "Intelligenz": ["Künstliche Intelligenz", "Büroalltag"],
    # Exclusions: a word, and a phrase.
    "Intelligenz -Kaffee": ["Künstliche Intelligenz"],
    'Intelligenz -"künstliche Intelligenz"': ["Büroalltag"],
    # Nothing to look for: only stop words, only exclusions.
    "über die": [],
    "-Vertrieb": [],
}


@pytest.fixture
def german_articles():
    for number, (title, lead, body, tags) in enumerate(ARTICLES):
        ArticleFactory(
            title=title,
            lead=lead,
            body=body or "<p>Ohne weiteren Text.</p>",
            tags=tags,
            authors=[AuthorFactory(first_name="Eva", last_name="Muster")],
            publish_at=datetime(2020, 1, 1 + number, tzinfo=UTC),
        )


def titles(results) -> list[str]:
    return [article.title for article in results]


@pytest.mark.parametrize(("query", "expected"), list(CASES.items()))
def test_german_query_set(german_articles, query, expected):
    assert titles(search_articles(query)) == expected


def test_a_deleted_article_leaves_the_index(german_articles):
    Article.objects.get(title="Große Straßen").delete()
    assert titles(search_articles("Straße")) == []


def test_a_changed_article_is_found_by_its_new_words_only(german_articles):
    article = Article.objects.get(title="Große Straßen")
    article.title = "Schmale Gassen"
    article.save()
    assert titles(search_articles("Gasse")) == ["Schmale Gassen"]
    assert titles(search_articles("Große")) == []


def test_rebuild_command_indexes_bulk_created_articles():
    bulk_articles(12)
    Article.objects.filter(title="Massenartikel 3 über Vertrieb").update(
        title="Massenartikel 3 über Kälteschutz"
    )  # update() sends no signal
    assert titles(search_articles("Kälteschutz")) == []
    call_command("rebuild_search_index", verbosity=0)
    assert titles(search_articles("Kälteschutz")) == [
        "Massenartikel 3 über Kälteschutz"
    ]


def test_past_the_limit_the_count_says_more_than(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 5)
    bulk_articles(8)
    results = search_articles("Vertrieb")
    assert results.count() == 5
    assert results.more_than_limit
    assert len(list(results)) == 5
    response = client.get("/suche/", {"q": "Vertrieb"})
    assert "Mehr als 5 Artikel gefunden" in response.text
    response = client.get("/suche/", {"q": '"Massenartikel 3"'})
    assert "Ein Artikel gefunden" in response.text


def test_unpublished_matches_do_not_shrink_the_count(monkeypatch):
    monkeypatch.setattr(search, "MAX_RESULTS", 5)
    bulk_articles(8)
    # Newer than every published one: they must not take places of the limit.
    for number in range(4):
        ArticleFactory(title=f"Vertrieb Entwurf {number}", status=Article.Status.DRAFT)
    results = search_articles("Vertrieb")
    assert results.more_than_limit
    assert results.count() == 5
    assert not any("Entwurf" in title for title in titles(results))


def test_excerpt_marks_stemmed_hits(client, german_articles):
    response = client.get("/suche/", {"q": "Straßenbau"})
    assert "<mark>Straßenbau</mark>" in response.text
    response = client.get("/suche/", {"q": "Gärten"})
    assert "<mark>Garten</mark>" in response.text
