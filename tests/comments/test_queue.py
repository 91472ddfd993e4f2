"""The moderators' pending-comments queue (comments.admin.queue_view)."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import ArticleComment
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/articlecomment/queue/"
BULK = "/admin/comments/articlecomment/queue/bulk/"


def bulk(client, action: str, pks) -> int:
    return client.post(BULK, {"action": action, "pk": pks}).status_code


def held(article, n: int, **fields):
    return make_comment(
        article,
        public=False,
        comment=f"Kommentar {n}",
        submit_date=datetime(2024, 1, 1 + n, 12, tzinfo=UTC),
        **fields,
    )


def test_queue_lists_held_comments_oldest_first_with_history(
    client, moderator, article
):
    later = held(article, 3, email="Erika@Example.org")
    first = held(article, 1, email="erika@example.org")
    make_comment(article, public=True, email="ERIKA@example.org")  # approved
    make_comment(article, public=False, is_removed=True, email="erika@example.org")
    make_comment(article, public=True, comment="Schon frei")  # not in the queue
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(f'data-comment="{first.pk}"') < html.index(
        f'data-comment="{later.pk}"'
    )
    assert "Schon frei" not in html
    assert html.count("data-queue-row") == 2
    assert "3 andere Kommentare von dieser Adresse" in html
    assert "1 freigegeben, 1 abgelehnt, 0 Spam, 1 wartend" in html
    assert reverse("admin:articles_article_change", args=[article.pk]) in html
    assert 'aria-keyshortcuts="a"' in html


def test_a_first_time_commenter_is_marked(client, moderator, article):
    held(article, 1, email="neu@example.org")
    client.force_login(moderator)
    assert "Erster Kommentar von dieser Adresse." in client.get(QUEUE).content.decode()


def test_queue_queries_do_not_grow_with_comments_or_articles(
    client, moderator, django_assert_max_num_queries
):
    client.force_login(moderator)
    articles = ArticleFactory.create_batch(2)
    for n in range(3):
        held(articles[n % 2], n, email=f"a{n}@example.org")
    client.get(QUEUE)
    with django_assert_max_num_queries(12) as few:
        assert client.get(QUEUE).status_code == 200
    budget = len(few)  # read now: the next request empties the query log
    articles += ArticleFactory.create_batch(6)
    for n in range(3, 30):
        held(articles[n % 8], n % 25, email=f"a{n % 7}@example.org")
        make_comment(articles[n % 8], public=True, email=f"a{n % 7}@example.org")
    with django_assert_max_num_queries(budget):
        response = client.get(QUEUE)
    assert response.content.decode().count("data-queue-row") == 30


def test_journalists_and_visitors_may_not_see_or_use_the_queue(
    client, journalist, article
):
    comment = held(article, 1)
    client.force_login(journalist)
    assert client.get(QUEUE).status_code == 403
    assert bulk(client, "approve", [comment.pk]) == 403
    moderate = reverse("admin:comments_articlecomment_moderate", args=[comment.pk])
    assert client.post(moderate, {"action": "approve"}).status_code == 403
    client.logout()
    assert client.get(QUEUE).status_code == 302  # to the login
    comment.refresh_from_db()
    assert not comment.is_public and not comment.is_removed


def test_bulk_moderation_of_ticked_comments(client, moderator, article):
    one, two, three = (held(article, n) for n in (1, 2, 3))
    client.force_login(moderator)
    response = client.post(BULK, {"action": "spam", "pk": [one.pk, two.pk]})
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert set(ArticleComment.objects.spam().values_list("pk", flat=True)) == {
        one.pk,
        two.pk,
    }
    three.refresh_from_db()
    assert not three.is_removed
    assert "2 Kommentare moderiert." in client.get(QUEUE).content.decode()


def test_bulk_bad_input_changes_nothing(client, moderator, article):
    comment = held(article, 1)
    client.force_login(moderator)
    assert client.get(BULK).status_code == 405
    assert bulk(client, "delete", [comment.pk]) == 400
    assert bulk(client, "approve", ["1"] * 101) == 400
    response = client.post(BULK, {"action": "approve", "pk": ["x", "9" * 30]})
    assert response.status_code == 302
    assert "Keine Kommentare ausgewählt." in client.get(QUEUE).content.decode()
    comment.refresh_from_db()
    assert not comment.is_public and not comment.is_removed


def test_bulk_needs_the_csrf_token(moderator, article):
    comment = held(article, 1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert bulk(client, "approve", [comment.pk]) == 403
    comment.refresh_from_db()
    assert not comment.is_public


def test_the_dashboard_block_leads_to_the_queue(client, moderator, article):
    held(article, 1)
    client.force_login(moderator)
    assert QUEUE in client.get("/admin/").content.decode()
