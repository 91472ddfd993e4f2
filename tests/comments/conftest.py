import re
import time
from datetime import UTC, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.models import Article
from comments.forms import ArticleCommentForm
from comments.models import ArticleComment
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    settings.COMMENTS_XTD_THREADED_EMAILS = False
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 3
    settings.COMMENTS_MODERATOR_EMAIL = ""


@pytest.fixture
def open_article(db):
    """Published yesterday: comments open."""
    return ArticleFactory(
        slug="offen", publish_at=timezone.now() - timezone.timedelta(days=1)
    )


def form_data(article: Article, *, age: int = 10, **overrides) -> dict:
    """A filled comment form as the browser sends it, rendered ``age`` s ago."""
    form = ArticleCommentForm(article)
    timestamp = int(time.time()) - age
    data = {
        "content_type": "articles.article",
        "object_pk": str(article.pk),
        "timestamp": str(timestamp),
        "security_hash": form.initial_security_hash(timestamp),
        "nonce": form.nonce_value,
        "reply_to": "0",
        "name": "Erika Muster",
        "email": "erika@example.org",
        "url": "",
        "comment": "Ein kluger Gedanke.\n\nUnd ein zweiter Absatz.",
        "consent": "on",
        "honeypot": "",
    }
    data.update({key: str(value) for key, value in overrides.items()})
    return data


def link_path(message, marker: str) -> str:
    """The path of the absolute link in a mail whose path contains ``marker``."""
    match = re.search(r"https?://localhost:8000(\S*" + marker + r"\S*)", message.body)
    assert match, message.body
    return match.group(1)


def make_comment(
    article, *, parent=None, public=True, email="leser@example.org", **fields
):
    comment = ArticleComment(
        content_type=ContentType.objects.get_for_model(Article),
        object_pk=str(article.pk),
        site_id=1,
        user_name=fields.pop("name", "Leser"),
        user_email=email,
        comment=fields.pop("comment", "Text"),
        submit_date=fields.pop("submit_date", datetime(2024, 1, 1, 12, tzinfo=UTC)),
        is_public=public,
        parent_id=parent.pk if parent else 0,
        moderators_notified=fields.pop("moderators_notified", True),
        **fields,
    )
    comment.save()
    return comment
