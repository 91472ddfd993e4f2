"""The dashboard's one-comment moderation endpoint (comments.admin)."""

import pytest
from django.urls import reverse

from tests.comments.conftest import make_comment

pytestmark = pytest.mark.django_db


def moderate_url(comment) -> str:
    return reverse("admin:comments_articlecomment_moderate", args=[comment.pk])


def test_moderator_approves_by_script_and_gets_the_new_count(
    client, moderator, article
):
    comment = make_comment(article, public=False)
    make_comment(article, public=False)
    client.force_login(moderator)
    response = client.post(
        moderate_url(comment), {"action": "approve"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json()["held"] == 1
    comment.refresh_from_db()
    assert comment.is_public


@pytest.mark.parametrize(
    ("action", "removed", "spam"), [("reject", True, False), ("spam", True, True)]
)
def test_reject_and_spam_without_script_come_back_to_the_dashboard(
    client, moderator, article, action, removed, spam
):
    comment = make_comment(article, public=False)
    client.force_login(moderator)
    response = client.post(
        moderate_url(comment), {"action": action, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    comment.refresh_from_db()
    assert (comment.is_removed, comment.is_spam) == (removed, spam)


def test_bad_requests_change_nothing(client, moderator, journalist, article):
    comment = make_comment(article, public=False)
    url = moderate_url(comment)
    client.force_login(moderator)
    assert client.get(url).status_code == 405
    assert client.post(url, {"action": "delete"}).status_code == 400
    assert client.post(url, {}).status_code == 400
    missing = reverse("admin:comments_articlecomment_moderate", args=[10**9])
    assert client.post(missing, {"action": "approve"}).status_code == 404
    client.force_login(journalist)  # staff, but no moderator
    assert client.post(url, {"action": "approve"}).status_code == 403
    client.logout()
    assert client.post(url, {"action": "approve"}).status_code == 302  # to login
    comment.refresh_from_db()
    assert not comment.is_public and not comment.is_removed


def test_the_endpoint_needs_the_csrf_token(moderator, article):
    from django.test import Client

    comment = make_comment(article, public=False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(moderate_url(comment), {"action": "approve"}).status_code == 403
    comment.refresh_from_db()
    assert not comment.is_public
