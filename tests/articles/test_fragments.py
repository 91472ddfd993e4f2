"""Cached fragments of the public pages (articles.fragments): fast when warm,
and never stale — every change a reader could see shows on the next request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.fragments import (
    bump_content_version,
    content_version,
    read_content_version,
)
from articles.models import Article, Category, ContentVersion, Tag
from comments import services as comment_services
from ratings.models import RatingSummary
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    author = AuthorFactory(
        first_name="Katharina", last_name="Brückner", short_bio="Schreibt über Handel."
    )
    return ArticleFactory(
        title="Vertrieb 3.0",
        category=CategoryFactory(name="Vertrieb", slug="vertrieb"),
        tags=["Handel"],
        authors=[author],
        publish_at=timezone.now() - timedelta(days=1),
    )


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_warm_article_page_reads_only_the_article_and_the_version(
    client, article, django_assert_max_num_queries
):
    make_comment(article, comment="Erster!")
    page(client, article.get_absolute_url())  # renders and caches the fragments
    with django_assert_max_num_queries(3):  # article, bylines, content version
        html = page(client, article.get_absolute_url())
    assert "Vertrieb 3.0" in html and "Erster!" in html
    assert "Schreibt über Handel." in html and 'rel="tag">Handel</a>' in html


def test_saved_article_shows_at_once(client, article):
    page(client, article.get_absolute_url())
    page(client, "/")
    article.title = "Vertrieb 4.0"
    article.body = "<p>Ganz neuer Text.</p>"
    article.save()
    html = page(client, article.get_absolute_url())
    assert "Vertrieb 4.0" in html and "Ganz neuer Text." in html
    assert "Vertrieb 3.0" not in html
    assert "Vertrieb 4.0" in page(client, "/")


def test_author_category_and_tag_changes_show_at_once(client, article):
    page(client, article.get_absolute_url())
    author = article.byline_authors[0]
    author.short_bio = "Schreibt jetzt über Logistik."
    author.save()
    category = Category.objects.get(pk=article.category_id)
    category.name = "Verkauf"
    category.save()
    tag = Tag.objects.get(name="Handel")
    tag.name = "Einzelhandel"
    tag.save()
    html = page(client, article.get_absolute_url())
    assert "Schreibt jetzt über Logistik." in html
    assert ">Verkauf</a>" in html and ">Vertrieb</a>" not in html  # kicker and nav
    assert 'rel="tag">Einzelhandel</a>' in html
    Article.objects.get(pk=article.pk).tags.add("Neu")  # m2m change only
    assert 'rel="tag">Neu</a>' in page(client, article.get_absolute_url())


def test_moderation_shows_and_hides_comments_at_once(client, article):
    held = make_comment(article, public=False, comment="Wartet auf Freigabe")
    assert "Wartet auf Freigabe" not in page(client, article.get_absolute_url())
    # The moderators' services change comments with UPDATEs, not saves.
    assert comment_services.comments_approve(comments=[held]) == 1
    html = page(client, article.get_absolute_url())
    assert "Wartet auf Freigabe" in html and "1 Kommentar<" in html
    assert "1 Kommentar<" in page(client, "/")  # the teaser's count too
    comment_services.comments_mark_spam(comments=[held])
    html = page(client, article.get_absolute_url())
    assert "Wartet auf Freigabe" not in html and "1 Kommentar<" not in html


def test_scheduled_article_appears_when_its_time_comes_without_a_save(client):
    ArticleFactory(title="Schon da", publish_at=timezone.now() - timedelta(hours=1))
    later = ArticleFactory(
        title="Kommt gleich", publish_at=timezone.now() + timedelta(hours=1)
    )
    assert "Kommt gleich" not in page(client, "/")
    # The publication time passes; nothing is saved (no signal is sent).
    Article.objects.filter(pk=later.pk).update(
        publish_at=timezone.now() - timedelta(seconds=1)
    )
    assert "Kommt gleich" in page(client, "/")
    assert "Kommt gleich" in page(client, later.category.get_absolute_url())


def test_counts_and_rating_stay_live_on_a_warm_page(client, article):
    page(client, article.get_absolute_url())
    RatingSummary.objects.update_or_create(
        article=article, defaults={"count": 2, "total": 9}
    )
    html = page(client, article.get_absolute_url())
    assert "4,5" in html and "2 Stimmen" in html


def test_version_changes_with_each_change_and_survives_a_flushed_table(article):
    before = read_content_version()
    bump_content_version()
    assert read_content_version() != before
    ContentVersion.objects.all().delete()  # as a flushing test case leaves it
    assert read_content_version().startswith("0-")
    article.save()
    assert ContentVersion.objects.get(pk=1).number == 1


def test_one_version_per_request(rf, article):
    request = rf.get("/")
    first = content_version(request)
    bump_content_version()
    assert content_version(request) == first  # all fragments of a page agree
    assert content_version(rf.get("/")) != first


def test_cached_feed_follows_changes_at_once(client, article):
    assert "Vertrieb 3.0" in client.get("/feed/").content.decode()
    article.title = "Vertrieb 5.0"
    article.save()
    feed = client.get("/feed/").content.decode()
    assert "Vertrieb 5.0" in feed and "Vertrieb 3.0" not in feed
