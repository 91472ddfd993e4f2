"""Services: moderator mails once per comment, approvals that race."""

import threading

import pytest
from django.core import mail
from django.db import connection

from comments import services
from comments.models import ArticleComment
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, StaffFactory


@pytest.mark.django_db
def test_moderators_are_mailed_once_per_held_comment(settings):
    StaffFactory(username="m1", email="m1@example.org", groups=["Moderator"])
    StaffFactory(username="m2", email="m2@example.org", groups=["Moderator"])
    StaffFactory(username="j", email="j@example.org", groups=["Journalist"])
    comment = make_comment(ArticleFactory(), public=False, moderators_notified=False)
    assert services.moderators_notify(comment_pk=comment.pk) is True
    assert services.moderators_notify(comment_pk=comment.pk) is False
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["m1@example.org", "m2@example.org"]

    settings.COMMENTS_MODERATOR_EMAIL = "queue@example.org"
    other = make_comment(ArticleFactory(), public=False, moderators_notified=False)
    services.moderators_notify(comment_pk=other.pk)
    assert mail.outbox[-1].to == ["queue@example.org"]


@pytest.mark.django_db
def test_rejecting_hides_the_replies_and_approving_a_parent_publishes_no_reply():
    article = ArticleFactory()
    root = make_comment(article)
    reply = make_comment(article, parent=root)
    held_reply = make_comment(article, parent=root, public=False)
    # xtd's own pre_save hook would publish every reply on save: disconnected.
    root.save()
    held_reply.refresh_from_db()
    assert held_reply.status == "held"
    services.comments_reject(comments=[root])
    reply.refresh_from_db()
    assert reply.is_public is False
    assert not ArticleComment.objects.approved().exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_notify_followers_once():
    article = ArticleFactory()
    follower = make_comment(article, email="folge@example.org", followup=True)
    held = make_comment(article, parent=follower, public=False, email="neu@example.org")
    barrier = threading.Barrier(2)
    results = []

    def approve():
        try:
            barrier.wait()
            results.append(services.comments_approve(comments=[held]))
        except Exception as exc:  # reported by the assertion below
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    assert [message.to for message in mail.outbox] == [["folge@example.org"]]
