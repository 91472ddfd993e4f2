"""„Vorschau“ of the unsaved form: the real template, a banner, nothing saved."""

import pytest

from articles.models import Article
from tests.articles.newsroom.test_versions import draft_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def preview_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/preview/"


def test_preview_shows_the_unsaved_text_in_the_article_template(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    assert (
        preview_url(article)
        in client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    )
    response = client.post(
        preview_url(article),
        {
            "title": "Ungespeicherter Titel",
            "body": "<p>Neu getippt</p><script>alert(1)</script>",
            "category": "kein-int",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-unsaved-preview" in html
    assert "Ungespeicherter Titel" in html and "Neu getippt" in html
    assert "<script>alert(1)</script>" not in html  # sanitised like a save
    assert 'id="article-title"' in html  # the real article template
    assert response["X-Robots-Tag"] == "noindex"
    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "Erste Fassung" and "Neu getippt" not in stored.body


def test_preview_of_a_foreign_article_or_by_get_is_refused(client, journalist):
    foreign = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(journalist)
    assert client.post(preview_url(foreign), {"title": "x"}).status_code == 404
    own = draft_of(journalist)
    assert client.get(preview_url(own)).status_code == 405
    client.logout()
    assert client.post(preview_url(own), {"title": "x"}).status_code == 302
