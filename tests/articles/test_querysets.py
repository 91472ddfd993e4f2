from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_published_includes_only_published_articles_whose_time_has_come():
    visible = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(status=Article.Status.REVIEW)
    ArticleFactory(publish_at=timezone.now() + timedelta(hours=1))

    assert list(Article.objects.published()) == [visible]


def test_scheduled_article_appears_by_itself_when_its_time_comes():
    at = timezone.now() + timedelta(minutes=5)
    article = ArticleFactory(publish_at=at)
    assert list(Article.objects.scheduled()) == [article]
    assert not Article.objects.published().exists()

    with mock.patch(
        "django.utils.timezone.now", return_value=at + timedelta(seconds=1)
    ):
        assert list(Article.objects.published()) == [article]
        assert not Article.objects.scheduled().exists()


def test_published_is_newest_first():
    older = ArticleFactory(publish_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(publish_at=timezone.now() - timedelta(days=1))
    assert list(Article.objects.published()) == [newer, older]


def test_by_author():
    author = AuthorFactory()
    own = ArticleFactory(authors=[author, AuthorFactory()])
    ArticleFactory()
    assert list(Article.objects.by_author(author)) == [own]


def test_editable_by_gives_journalists_only_their_own_articles(journalist):
    created = ArticleFactory(status=Article.Status.DRAFT, created_by=journalist)
    bylined = ArticleFactory(authors=[AuthorFactory(user=journalist)])
    ArticleFactory()
    assert set(Article.objects.editable_by(journalist)) == {created, bylined}


def test_editable_by_gives_editors_every_article(editor):
    articles = {ArticleFactory(), ArticleFactory(status=Article.Status.DRAFT)}
    assert set(Article.objects.editable_by(editor)) == articles


def test_editable_by_gives_other_users_nothing(moderator):
    ArticleFactory()
    assert not Article.objects.editable_by(moderator).exists()
    assert not Article.objects.editable_by(StaffFactory()).exists()


def test_visible_to_adds_editable_drafts_for_staff_only(journalist):
    published = ArticleFactory()
    own_draft = ArticleFactory(status=Article.Status.DRAFT, created_by=journalist)
    ArticleFactory(status=Article.Status.DRAFT)
    assert set(Article.objects.visible_to(journalist)) == {published, own_draft}
    assert set(Article.objects.visible_to(AnonymousUser())) == {published}


def test_with_related_loads_bylines_and_tags_in_constant_queries(
    django_assert_num_queries,
):
    for _ in range(5):
        ArticleFactory(authors=[AuthorFactory(), AuthorFactory()], tags=["a", "b"])
    with django_assert_num_queries(3):  # articles+category, bylines+authors, tags
        articles = list(Article.objects.published().with_related())
        for article in articles:
            assert article.category.name
            assert len(article.byline_authors) == 2
            assert {tag.name for tag in article.tags.all()} == {"a", "b"}


def test_with_related_for_lists_leaves_the_category_out(django_assert_num_queries):
    for _ in range(5):
        ArticleFactory(authors=[AuthorFactory()], tags=["a"])
    queryset = Article.objects.published().with_related(join_category=False)
    assert "articles_category" not in str(queryset.query)
    with django_assert_num_queries(3):  # articles, bylines+authors, tags
        articles = list(queryset)
        for article in articles:
            assert len(article.byline_authors) == 1
            assert [tag.name for tag in article.tags.all()] == ["a"]
