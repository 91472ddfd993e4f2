"""Reader pages a shared HTTP cache may keep (core.http_cache): the headers,
what leaves the HTML, and what stays private."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return AuthorFactory(slug="anna")


@pytest.fixture
def article(author):
    return ArticleFactory(
        title="Vertrieb 3.0",
        tags=["Handel"],
        authors=[author],
        category=CategoryFactory(slug="wirtschaft"),
        publish_at=timezone.now() - timedelta(days=1),
    )


def assert_public(response, *tags: str) -> None:
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert "accept-language" not in response.get("Vary", "").lower()
    shown = response["X-Cache-Tags"].split()
    assert "site" in shown
    for tag in tags:
        assert tag in shown


def test_article_page_is_public_and_tagged(client, article):
    response = client.get(article.get_absolute_url())
    assert_public(response, f"article-{article.pk}")
    html = response.content.decode()
    assert re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html) == [
        "",
        "",
    ]
    for field in ("timestamp", "security_hash", "nonce"):
        assert f'name="{field}" value="" id="id_{field}" data-live-field' in html
    assert f'data-live-url="/live/{article.pk}/"' in html
    english = client.get("/en" + article.get_absolute_url())
    assert_public(english, f"article-{article.pk}")


def test_list_pages_and_feeds_are_public_and_tagged(client, article, author):
    tag = article.tags.get()
    assert_public(client.get("/"), "home")
    assert_public(client.get("/?page=1"), "home")
    assert_public(
        client.get(f"/rubrik/{article.category.slug}/"),
        f"category-{article.category.pk}",
    )
    assert_public(client.get(f"/schlagwort/{tag.slug}/"), f"tag-{tag.pk}")
    assert_public(client.get(f"/autoren/{author.slug}/"), f"author-{author.pk}")
    assert_public(client.get("/archiv/"), "archive")
    assert_public(client.get("/feed/"), "feeds")
    assert_public(client.get("/feed/atom/"), "feeds")
    assert_public(client.get("/autoren/"), "authors")


def test_list_pages_never_outlive_the_next_scheduled_publication(client, article):
    ArticleFactory(publish_at=timezone.now() + timedelta(seconds=90))
    response = client.get("/")
    seconds = int(response["Cache-Control"].rsplit("=", 1)[1])
    assert 0 < seconds <= 90
    # The article page itself is not shortened.
    assert client.get(article.get_absolute_url())["Cache-Control"].endswith("=300")


def test_cache_seconds_come_from_the_setting(client, article, settings):
    settings.CACHE_PAGE_SECONDS = 60
    response = client.get(article.get_absolute_url())
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"


@pytest.mark.parametrize("who", ["staff", "reader"])
def test_logged_in_people_get_private_pages(client, article, who):
    client.force_login(StaffFactory() if who == "staff" else UserFactory())
    for path in (article.get_absolute_url(), "/", "/feed/"):
        response = client.get(path)
        assert response["Cache-Control"] == "private, no-store", path
        assert "X-Cache-Tags" not in response


def test_previews_admin_posts_and_errors_are_private(client, article):
    draft = ArticleFactory(status="draft")
    staff = Client()
    staff.force_login(StaffFactory(is_superuser=True))
    preview = staff.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert preview["Cache-Control"] == "private, no-store"
    assert client.get("/vorschau/unknown/")["Cache-Control"] == "private, no-store"
    assert "no-store" in staff.get("/admin/")["Cache-Control"]
    live = client.post(f"/live/{article.pk}/")
    assert "no-store" in live["Cache-Control"]
    missing = client.get("/artikel/gibt-es-nicht/")
    assert missing.status_code == 404
    # Not for the shared cache (a scheduled article appears at its time).
    assert "public" not in missing.get("Cache-Control", "")


def test_readers_with_messages_get_a_private_page(client, article):
    client.post(f"/artikel/{article.slug}/bewerten/", {"score": "4"})
    response = client.get(article.get_absolute_url())
    assert response["Cache-Control"] == "private, no-store"
    assert "Danke" in response.content.decode()
    # The message was shown once: the next page is the shared one again.
    assert client.get(article.get_absolute_url())["Cache-Control"].startswith("public")


def test_reader_page_query_budget(client, article, django_assert_max_num_queries):
    client.get(article.get_absolute_url())
    # Warm: the article and the content version, and the counted view.
    with django_assert_max_num_queries(3):
        assert client.get(article.get_absolute_url()).status_code == 200
    client.get("/")
    with django_assert_max_num_queries(1):
        assert client.get("/").status_code == 200
