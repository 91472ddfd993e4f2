"""Confirmation links expire, re-check the article, and an erasure voids them
(issue #21, 12)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from comments.models import ArticleComment, ArticleCommentSettings, ErasedAddress
from tests.comments.conftest import form_data, link_path
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CONFIRM = "/kommentare/bestaetigen/"


@pytest.fixture
def moderator(db):
    return StaffFactory(username="mod", email="mod@example.org", groups=["Moderator"])


def mailed_link(client, article, **fields) -> str:
    before = len(mail.outbox)
    assert (
        client.post("/kommentare/senden/", form_data(article, **fields)).status_code
        == 302
    )
    assert len(mail.outbox) == before + 1
    return link_path(mail.outbox[-1], CONFIRM)


def test_a_link_confirms_within_three_days(client, open_article, settings):
    assert settings.COMMENTS_CONFIRMATION_DAYS == 3
    link = mailed_link(client, open_article)
    with time_machine.travel(timezone.now() + timedelta(days=2, hours=23)):
        assert client.get(link).status_code == 200
    assert ArticleComment.objects.get().status == "held"


def test_a_link_expires_after_three_days(client, open_article, moderator):
    link = mailed_link(client, open_article)
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        response = client.get(link)
    assert response.status_code == 400
    assert "3 Tage" in response.content.decode()
    assert not ArticleComment.objects.exists()


def test_a_link_clicked_after_comments_closed_creates_nothing(
    client, open_article, moderator, django_capture_on_commit_callbacks
):
    link = mailed_link(client, open_article)
    ArticleCommentSettings.objects.create(article=open_article, comments_enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(link)
    assert response.status_code == 400
    assert not ArticleComment.objects.exists()
    assert len(mail.outbox) == 1  # the confirmation request only, no moderator mail


def test_a_link_clicked_after_the_article_was_unpublished_creates_nothing(
    client, open_article
):
    link = mailed_link(client, open_article)
    Article.objects.filter(pk=open_article.pk).update(status=Article.Status.DRAFT)
    assert client.get(link).status_code == 400
    assert not ArticleComment.objects.exists()


def test_an_erasure_voids_every_link_mailed_before_it(
    client, open_article, moderator, django_capture_on_commit_callbacks
):
    first = mailed_link(client, open_article, comment="Erster Kommentar.")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(first).status_code == 200
    unconfirmed = mailed_link(client, open_article, comment="Zweiter Kommentar.")
    mails_before = len(mail.outbox)

    call_command("comments_gdpr", "erase", "erika@example.org", "--yes", verbosity=0)
    assert not ArticleComment.objects.exists()
    for link in (first, unconfirmed):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(link).status_code == 400
    assert not ArticleComment.objects.exists()  # nothing came back
    assert len(mail.outbox) == mails_before  # and the moderators heard nothing

    # The person may comment again afterwards, with a new link.
    later = mailed_link(client, open_article, comment="Neu.")
    assert client.get(later).status_code == 200
    assert ArticleComment.objects.get().comment == "Neu."


def test_erasures_are_forgotten_once_every_link_of_before_has_expired(open_article):
    call_command("comments_gdpr", "erase", "erika@example.org", "--yes", verbosity=0)
    assert ErasedAddress.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        call_command("privacy_cleanup", verbosity=0)
    assert ErasedAddress.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=5)):
        call_command("privacy_cleanup", verbosity=0)
    assert not ErasedAddress.objects.exists()
