"""Purges of the shared HTTP cache (``core.purge``) when a comment appears or
goes: the article's page (its thread and count) and the lists that show its
comment count. Connected in ``CommentsConfig.ready``."""

from django.db.models.signals import post_delete, post_save

from articles.caching import articles_tags
from comments.models import (
    ArticleComment,
    ArticleCommentSettings,
    comment_visibility_changed,
)
from core.purge import enabled, tags_purge


def _article_id(comment) -> int | None:
    try:
        return int(comment.object_pk)
    except (TypeError, ValueError):
        return None


def comment_changed(sender, comment, **kwargs):
    if enabled():
        tags_purge(articles_tags([_article_id(comment)]))


def comment_saved(sender, instance, raw=False, **kwargs):
    # A held or spam comment shows nowhere; its approval comes as an UPDATE
    # (comment_visibility_changed) or as a save of the public comment.
    if enabled() and not raw and instance.is_public:
        tags_purge(articles_tags([_article_id(instance)]))


def comment_deleted(sender, instance, **kwargs):
    if enabled() and instance.is_public:
        tags_purge(articles_tags([_article_id(instance)]))


def settings_changed(sender, instance, raw=False, **kwargs):
    # Comments switched on or off: the form and the thread on the page.
    if enabled() and not raw:
        tags_purge([f"article-{instance.article_id}"])


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            settings_changed,
            sender=ArticleCommentSettings,
            dispatch_uid=f"http-cache-comment-settings-{id(signal)}",
        )
    comment_visibility_changed.connect(
        comment_changed, sender=ArticleComment, dispatch_uid="http-cache-comments"
    )
    post_save.connect(
        comment_saved, sender=ArticleComment, dispatch_uid="http-cache-comment-saved"
    )
    post_delete.connect(
        comment_deleted,
        sender=ArticleComment,
        dispatch_uid="http-cache-comment-deleted",
    )
