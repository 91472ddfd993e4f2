"""The WordPress import's step for comments (``wordpress_import.steps``).

The threads come checked and cut to our depth from
``wordpress_import.plugin_data.prepare_comments``. New comments of a post are
written all at once by ``bulk.comments_insert`` (three multi-row INSERTs, in
the post's transaction), with the thread fields xtd's ``save()`` would have
stored, also for new replies to comments imported before. Approved → public,
pending → held for moderation, spam → spam (as
``services.comment_store_spam`` keeps it), trash skipped.

No ``post_save`` runs for them, so what it would do is done here or on purpose
not: IP addresses anonymised (``prepare_comments`` and ``comments_insert``),
moderators never mailed about imported comments (``moderators_notified``),
nobody subscribed to follow-ups, the content version raised once per post.

A comment imported before is updated (status, text) through ``save()``, not
added again; one deleted here since is not brought back, nor are new replies
to it.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments_xtd.models import max_thread_level_for_content_type

from articles.fragments import bump_content_version
from articles.models import Article
from comments.bulk import NewComment, comments_insert
from comments.models import ArticleComment
from wordpress_import.models import WordPressObject
from wordpress_import.plugin_data import (
    CommentStatus,
    PreparedComment,
    accounts_for,
    prepare_comments,
)
from wordpress_import.steps import PostContext, post_step

KIND = WordPressObject.Kind.COMMENT


@post_step("comments")
def import_comments(context: PostContext) -> None:
    item, report = context.item, context.report
    if not item.comments:
        return
    content_type = ContentType.objects.get_for_model(Article)
    prepared, skipped = prepare_comments(
        item.comments, max_level=max_thread_level_for_content_type(content_type)
    )
    for comment, reason in skipped:
        report.skipped("comments", reason, example=str(comment.wp_id))
    known = dict(  # WordPress ID → comment id, of comments imported before
        WordPressObject.objects.filter(
            kind=KIND, wp_id__in=[c.wp_id for c in prepared]
        ).values_list("wp_id", "object_id")
    )
    existing = ArticleComment.objects.in_bulk(known.values()) if known else {}
    fresh = []
    for data in prepared:
        comment = existing.get(known.get(data.wp_id))
        if comment is not None:
            _update(comment, data, context)
        else:
            fresh.append(data)
    new = NewComments(context, known, accounts_for({d.wp_user_id for d in fresh}))
    for data in fresh:
        new.add(data)
    new.insert(content_type)


def _status(data: PreparedComment) -> dict[str, bool]:
    spam = data.status == CommentStatus.SPAM
    public = data.status == CommentStatus.PUBLIC
    return {"is_public": public, "is_removed": spam, "is_spam": spam}


def _update(comment: ArticleComment, data: PreparedComment, context) -> None:
    """A comment imported before: its status and text follow the export."""
    status = _status(data)
    changed = comment.comment != data.text or any(
        getattr(comment, field) != value for field, value in status.items()
    )
    if not changed:
        context.report.unchanged("comments")
        return
    for field_name, value in status.items():
        setattr(comment, field_name, value)
    comment.comment = data.text
    comment.save()
    context.report.updated("comments")


class NewComments:
    """The post's comments that are new here, in thread order, written at once."""

    def __init__(self, context: PostContext, known: dict, accounts: dict) -> None:
        self.context, self.known, self.accounts = context, known, accounts
        self.rows: list[NewComment] = []
        self.row_of: dict[int, int] = {}  # WordPress ID → index in rows
        self.deleted: set[int] = set()

    def add(self, data: PreparedComment) -> None:
        if data.wp_id in self.known or data.parent_wp_id in self.deleted:
            # Deleted here after an earlier import (by a moderator): not brought
            # back, nor are the replies to it.
            self.deleted.add(data.wp_id)
            self.context.report.skipped(
                "comments", "deleted here after an earlier import"
            )
            return
        self.row_of[data.wp_id] = len(self.rows)
        parent = data.parent_wp_id
        self.rows.append(
            NewComment(
                object_pk=str(self.context.article.pk),
                user_id=self.accounts.get(data.wp_user_id),
                user_name=data.name or "Anonym",
                user_email=data.email[:254],
                user_url=data.url[:200],
                comment=data.text,
                submit_date=data.submitted_at or timezone.now(),
                ip_address=data.ip,
                # Never mailed to the moderators: they were moderated on WordPress.
                moderators_notified=True,
                # A reply to a new comment points at its row, a reply to one
                # imported before at that comment.
                parent=self.row_of.get(parent),
                parent_pk=None if parent in self.row_of else self.known.get(parent),
                **_status(data),
            )
        )

    def insert(self, content_type: ContentType) -> None:
        if not self.rows:
            return
        # One transaction with the post: if this fails, the post is reported
        # and skipped as a whole, and imported again by the next run.
        ids = comments_insert(self.rows, content_type=content_type)
        WordPressObject.objects.bulk_create(
            [
                WordPressObject(kind=KIND, wp_id=wp_id, object_id=pk)
                for wp_id, pk in zip(self.row_of, ids, strict=True)
            ]
        )
        for _ in ids:
            self.context.report.created("comments")
        # What post_save of each comment would have done (comments.apps): the
        # cached comment threads and counts are out of date.
        bump_content_version()
