"""„Vorschau“ of the unsaved form: the real template, a banner, nothing saved."""

import pytest

from articles.models import Article
from tests.articles.newsroom.test_versions import draft_of
from tests.factories import ArticleFactory, AuthorFactory

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


NEW_PREVIEW = "/admin/articles/article/add/preview/"


def test_preview_of_a_new_unsaved_article(client, journalist, author):
    own = AuthorFactory(user=journalist, first_name="Jana", last_name="Eigen")
    client.force_login(journalist)
    assert NEW_PREVIEW in client.get("/admin/articles/article/add/").content.decode()
    data = {
        "title": "Ganz neuer Artikel",
        "lead": "Ein Vorspann",
        "body": "<p>Frisch getippt</p><script>alert(1)</script>",
        "bylines-0-author": str(author.pk),
        "bylines-1-author": "kein-int",
    }
    response = client.post(NEW_PREVIEW, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-unsaved-preview" in html and 'id="article-title"' in html
    assert "Ganz neuer Artikel" in html and "Frisch getippt" in html
    assert "<script>alert(1)</script>" not in html
    assert author.last_name in html and own.last_name not in html
    assert 'name="score"' not in html and 'name="comment"' not in html
    assert response["X-Robots-Tag"] == "noindex"
    # The admin's never_cache adds to it: private, no-store, no-cache…
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    # Without a chosen byline, the person's own profile signs it.
    html = client.post(NEW_PREVIEW, {"title": "Zweiter"}).content.decode()
    assert own.last_name in html and author.last_name not in html
    assert not Article.objects.exists()


def test_new_preview_needs_the_add_permission_and_post(client, moderator, journalist):
    client.force_login(moderator)
    assert client.post(NEW_PREVIEW, {"title": "x"}).status_code == 403
    client.force_login(journalist)
    assert client.get(NEW_PREVIEW).status_code == 405
    for data in ({}, {"title": ["a", "b"], "slug": "!!!", "category": "9" * 30}):
        assert client.post(NEW_PREVIEW, data).status_code == 200
    client.logout()
    assert client.post(NEW_PREVIEW, {"title": "x"}).status_code == 302
    assert not Article.objects.exists()
