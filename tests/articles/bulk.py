"""Many articles quickly, for query budgets (bulk_create sends no signals, so the
search index is rebuilt explicitly)."""

from datetime import UTC, datetime, timedelta

from articles.models import Article, Byline, Tag, TaggedArticle
from articles.search_index import search_index_update
from tests.factories import AuthorFactory, CategoryFactory


def bulk_articles(count: int = 1000, *, start=None) -> list[Article]:
    start = start or datetime(2012, 1, 1, 8, 0, tzinfo=UTC)
    categories = [CategoryFactory() for _ in range(5)]
    authors = [AuthorFactory() for _ in range(10)]
    tags = [Tag.objects.create(name=f"Thema {i}", slug=f"thema-{i}") for i in range(20)]
    articles = Article.objects.bulk_create(
        Article(
            title=f"Massenartikel {i} über Vertrieb",
            slug=f"massenartikel-{i}",
            lead=f"Vorspann {i} zum Mittelstand.",
            body=f'<p>Text {i} mit <a href="/artikel/massenartikel-{i}/">Link</a>.</p>',
            category=categories[i % 5],
            status=Article.Status.PUBLISHED,
            publish_at=start + timedelta(hours=6 * i),
        )
        for i in range(count)
    )
    Byline.objects.bulk_create(
        Byline(article=article, author=authors[i % 10], position=0)
        for i, article in enumerate(articles)
    )
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object=article, tag=tags[(i + k) % 20])
        for i, article in enumerate(articles)
        for k in range(3)
    )
    search_index_update()
    return articles
