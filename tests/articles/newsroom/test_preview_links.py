"""Shareable preview links: created and revoked from the writing screen,
opened without a login; expired, revoked, forged or deleted → a 404 page."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, PreviewLink
from articles.newsroom.preview_links import preview_link_create, preview_link_revoke
from articles.signals import article_viewed
from tests.articles.newsroom.test_versions import draft_of
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def create_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/preview-links/"


def revoke_url(article) -> str:
    return f"/admin/articles/article/{article.pk}/preview-links/revoke/"


def change_page(client, article) -> str:
    return client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()


def shared_links(html: str) -> list[str]:
    pattern = r'<a href="https?://[^"]+(/vorschau/[^"]+/)" data-share-preview'
    return re.findall(pattern, html)


def gone(response) -> bool:
    return (
        response.status_code == 404
        and b"data-preview-link-gone" in response.content
        and response["Cache-Control"] == "private, no-store"
    )


def test_journalist_creates_a_link_a_guest_opens_it(client, journalist):
    article = draft_of(journalist)
    client.force_login(journalist)
    assert shared_links(change_page(client, article)) == []

    response = client.post(create_url(article), {"days": "3"})
    assert response.status_code == 302
    link = PreviewLink.objects.get(article=article)
    assert len(link.token) >= 43  # 256 random bits
    assert link.created_by == journalist
    expected = timezone.now() + timedelta(days=3)
    assert abs(link.expires_at - expected) < timedelta(minutes=1)
    [path] = shared_links(change_page(client, article))
    assert path == f"/vorschau/{link.token}/"

    client.logout()
    viewed = []
    article_viewed.connect(receiver := lambda **kw: viewed.append(kw))
    try:
        response = client.get(path)
    finally:
        article_viewed.disconnect(receiver)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="article-title"' in html and article.title in html
    assert "data-shared-preview" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert viewed == []  # not a view
    # No rating or comment form, no print/PDF links that would lead nowhere.
    assert 'name="score"' not in html
    assert 'name="comment"' not in html
    assert "/pdf/" not in html


def test_the_link_shows_the_latest_saved_state(client, journalist):
    article = draft_of(journalist)
    link = preview_link_create(article=article, user=journalist, days=7)
    assert "Erste Fassung" in client.get(link.get_absolute_url()).content.decode()
    article.title = "Zweite Fassung"
    article.save()
    assert "Zweite Fassung" in client.get(link.get_absolute_url()).content.decode()


def test_days_out_of_range_fall_back_to_the_default(client, journalist, settings):
    settings.PREVIEW_LINK_DAYS = 7
    article = draft_of(journalist)
    client.force_login(journalist)
    for days in ("0", "31", "-1", "abc", "9" * 30, ""):
        client.post(create_url(article), {"days": days})
    expected = timezone.now() + timedelta(days=7)
    links = PreviewLink.objects.filter(article=article)
    assert links.count() == 6
    assert all(abs(link.expires_at - expected) < timedelta(minutes=1) for link in links)


def test_expired_link_is_a_404_page(client, journalist):
    link = preview_link_create(article=draft_of(journalist), user=journalist, days=1)
    PreviewLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert gone(client.get(link.get_absolute_url()))


def test_revoked_link_is_a_404_page_and_leaves_the_list(client, journalist):
    article = draft_of(journalist)
    link = preview_link_create(article=article, user=journalist, days=7)
    other = preview_link_create(article=article, user=journalist, days=7)
    client.force_login(journalist)
    response = client.post(
        revoke_url(article), {"link": str(link.pk)}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json()["message"] == "Vorschau-Link widerrufen."
    assert link.token not in response.json()["html"]
    assert other.token in response.json()["html"]
    assert shared_links(change_page(client, article)) == [other.get_absolute_url()]
    client.logout()
    assert gone(client.get(link.get_absolute_url()))
    assert client.get(other.get_absolute_url()).status_code == 200


def test_daily_cleanup_deletes_the_links_that_no_longer_open(journalist, capsys):
    article = draft_of(journalist)
    active, expired, revoked = (
        preview_link_create(article=article, user=journalist, days=7) for _ in range(3)
    )
    PreviewLink.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    preview_link_revoke(article=article, link_id=revoked.pk)
    call_command("privacy_cleanup")
    assert list(PreviewLink.objects.values_list("pk", flat=True)) == [active.pk]
    assert "2  expired or revoked preview links deleted" in capsys.readouterr().out


def test_forged_and_malformed_tokens_are_a_404_page(client, journalist):
    link = preview_link_create(article=draft_of(journalist), user=journalist, days=7)
    forged = link.token[:-1] + ("A" if link.token[-1] != "A" else "B")
    for token in (forged, "x", "a" * 65, "ü" * 30, link.token.upper()):
        assert gone(client.get(f"/vorschau/{token}/")), token
    # A NUL byte is refused before any view (a 400, not a 500).
    assert client.get("/vorschau/%00%00%00/").status_code == 400


def test_link_of_a_deleted_article_is_a_404_page(client, journalist):
    article = draft_of(journalist)
    link = preview_link_create(article=article, user=journalist, days=7)
    article.delete()
    assert not PreviewLink.objects.exists()
    assert gone(client.get(link.get_absolute_url()))


def test_foreign_article_get_and_anonymous_are_refused_nothing_stored(
    client, journalist
):
    foreign = ArticleFactory(status=Article.Status.DRAFT)
    foreign_link = preview_link_create(article=foreign, user=None, days=7)
    client.force_login(journalist)
    assert client.post(create_url(foreign), {"days": "7"}).status_code == 404
    assert (
        client.post(revoke_url(foreign), {"link": str(foreign_link.pk)}).status_code
        == 404
    )
    own = draft_of(journalist)
    # Someone else's link cannot be revoked through one's own article.
    response = client.post(revoke_url(own), {"link": str(foreign_link.pk)})
    assert response.status_code == 302  # back, with an error message
    assert client.get(create_url(own)).status_code == 405
    for bad in ("", "x", "9" * 40):
        assert client.post(revoke_url(own), {"link": bad}).status_code == 302
    client.logout()
    assert client.post(create_url(own), {"days": "7"}).status_code == 302  # login
    assert list(PreviewLink.objects.all()) == [foreign_link]
    assert PreviewLink.objects.active().count() == 1


def test_no_links_for_a_published_article(client, editor):
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    client.force_login(editor)
    response = client.post(
        create_url(article), {"days": "7"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert not PreviewLink.objects.exists()
    assert "data-preview-link-create" not in change_page(client, article)


def test_editor_may_share_any_draft_json_answer(client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW)
    client.force_login(editor)
    response = client.post(
        create_url(article), {"days": "2"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    link = PreviewLink.objects.get()
    assert "data-share-preview" in response.json()["html"]
    assert link.token in response.json()["html"]


def test_csrf_is_checked(journalist):
    from django.test import Client

    article = draft_of(journalist)
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    assert client.post(create_url(article), {"days": "7"}).status_code == 403
    assert not PreviewLink.objects.exists()


def test_shared_preview_queries_do_not_grow(
    client, journalist, django_assert_max_num_queries
):
    article = draft_of(journalist)
    link = preview_link_create(article=article, user=journalist, days=7)
    ArticleFactory.create_batch(5, status=Article.Status.PUBLISHED)
    client.get(link.get_absolute_url())  # warm the visitor secret and shell caches
    with django_assert_max_num_queries(12) as few:
        assert client.get(link.get_absolute_url()).status_code == 200
    budget = len(few)  # read now: the next request empties the query log
    ArticleFactory.create_batch(10, status=Article.Status.PUBLISHED)
    for _ in range(5):
        preview_link_create(article=article, user=journalist, days=7)
    client.get(link.get_absolute_url())  # the new content version's fragments
    with django_assert_max_num_queries(budget):
        assert client.get(link.get_absolute_url()).status_code == 200
