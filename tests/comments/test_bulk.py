"""``comments.bulk.comments_insert``: many comments without a save() each, with
the thread fields xtd's own ``save()`` would have stored."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import transaction

from articles.models import Article
from comments.bulk import NewComment, comments_insert
from comments.models import ArticleComment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

START = datetime(2023, 5, 1, 10, 0, tzinfo=UTC)
# Index of the comment each one answers (None: a new thread), in posting order:
# two threads, replies to earlier replies, a late reply to the first comment.
PARENTS = [None, 0, 1, None, 0, 3, 1, 4, 5]


def shape(comments: list[ArticleComment]) -> list[tuple]:
    """What xtd stores about a thread, with ids replaced by positions."""
    position = {c.pk: number for number, c in enumerate(comments)}
    return [
        (
            c.level,
            c.order,
            c.nested_count,
            position[c.parent_id],
            position[c.thread_id],
        )
        for c in comments
    ]


def post_one_by_one(article, parents) -> list[ArticleComment]:
    """The same comments through xtd's ``save()``, as the site posts them."""
    saved: list[ArticleComment] = []
    for number, parent in enumerate(parents):
        comment = ArticleComment(
            content_type=ContentType.objects.get_for_model(Article),
            object_pk=str(article.pk),
            site_id=1,
            user_name=f"Leser {number}",
            comment=f"Kommentar {number}",
            submit_date=START + timedelta(minutes=number),
            is_public=True,
            parent_id=0 if parent is None else saved[parent].pk,
        )
        comment.save()
        saved.append(comment)
    return [ArticleComment.objects.get(pk=c.pk) for c in saved]


def rows_for(article, parents, **fields) -> list[NewComment]:
    return [
        NewComment(
            object_pk=str(article.pk),
            user_name=f"Leser {number}",
            comment=f"Kommentar {number}",
            submit_date=START + timedelta(minutes=number),
            parent=parent,
            **fields,
        )
        for number, parent in enumerate(parents)
    ]


def insert(rows) -> list[int]:
    with transaction.atomic():
        return comments_insert(
            rows, content_type=ContentType.objects.get_for_model(Article)
        )


def stored(ids) -> list[ArticleComment]:
    by_pk = ArticleComment.objects.in_bulk(ids)
    return [by_pk[pk] for pk in ids]


def test_threads_are_what_xtd_save_stores():
    by_save = post_one_by_one(ArticleFactory(), PARENTS)
    article = ArticleFactory()
    ids = insert(rows_for(article, PARENTS))
    assert ids == sorted(ids) and ids[0] > by_save[-1].pk
    assert shape(stored(ids)) == shape(by_save)
    assert [c.comment for c in stored(ids)] == [f"Kommentar {n}" for n in range(9)]
    assert ArticleComment.objects.of_article(article).approved().count() == 9


def test_replies_to_stored_comments_renumber_the_thread_as_xtd_does():
    """A later batch answers comments of an earlier one: the thread's order and
    reply counts come out as if every comment had been saved one by one."""
    by_save = post_one_by_one(ArticleFactory(), [*PARENTS, 1, 5, None])
    article = ArticleFactory()
    first = insert(rows_for(article, PARENTS))
    later = rows_for(article, [None, None, None])
    later[0].parent_pk, later[1].parent_pk = first[1], first[5]
    second = insert(later)
    assert shape(stored(first + second)) == shape(by_save)


def test_new_comments_after_the_bulk_ones_get_fresh_ids():
    article = ArticleFactory()
    ids = insert(rows_for(article, [None, 0]))
    after = post_one_by_one(article, [None])
    assert after[0].pk > max(ids)


def test_addresses_anonymised_and_no_mails(settings):
    settings.COMMENTS_MODERATOR_EMAIL = "moderation@example.org"
    article = ArticleFactory()
    rows = rows_for(article, [None, None], is_public=False)
    rows[0].ip_address, rows[1].ip_address = "192.0.2.77", "2001:db8:1:2::5"
    held = stored(insert(rows))
    assert [c.ip_address for c in held] == ["192.0.2.0", "2001:db8:1::"]
    assert [c.status for c in held] == ["held", "held"]
    assert mail.outbox == []  # no post_save: the caller decides about mails


def test_too_deep_or_unknown_parents_are_refused(settings):
    settings.COMMENTS_XTD_MAX_THREAD_LEVEL = 2
    article = ArticleFactory()
    with pytest.raises(ValueError, match="deeper than the maximum 2"):
        insert(rows_for(article, [None, 0, 1, 2]))
    rows = rows_for(article, [None])
    rows[0].parent_pk = 999_999
    with pytest.raises(ValueError, match="no comment 999999"):
        insert(rows)
    with pytest.raises(ValueError, match="must be an earlier row"):
        insert(rows_for(article, [1, None]))
    assert not ArticleComment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_only_inside_a_transaction():
    with pytest.raises(transaction.TransactionManagementError):
        comments_insert(
            rows_for(ArticleFactory(), [None]),
            content_type=ContentType.objects.get_for_model(Article),
        )
