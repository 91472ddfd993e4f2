"""Redirect targets taken from requests stay on the site (no open redirect)."""

import pytest
from django.utils import timezone

from tests.comments.conftest import form_data
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

FOREIGN = ["https://evil.example.org/", "//evil.example.org/", "javascript:alert(1)"]


@pytest.mark.parametrize("target", FOREIGN)
def test_admin_login_ignores_a_foreign_next(client, target):
    StaffFactory(username="editor")
    response = client.post(
        f"/admin/login/?next={target}",
        {"username": "editor", "password": "correct-horse-battery", "next": target},
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert not response["Location"].startswith("javascript")


@pytest.mark.parametrize("target", FOREIGN)
def test_comment_post_ignores_a_foreign_next(client, settings, target):
    settings.COMMENTS_XTD_THREADED_EMAILS = False
    article = ArticleFactory(publish_at=timezone.now() - timezone.timedelta(days=1))
    response = client.post(
        "/kommentare/senden/", {**form_data(article), "next": target}
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert not response["Location"].startswith("javascript")
