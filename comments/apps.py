from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


def forget_addresses(sender, now, **kwargs):
    """Daily privacy clean-up: addresses of comments past their retention."""
    from datetime import timedelta

    from django.conf import settings

    from comments.services import comment_addresses_forget

    before = now - timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
    changed = comment_addresses_forget(before=before)
    return ("addresses of old comments blanked", changed)


def forget_erasures(sender, now, **kwargs):
    """Daily privacy clean-up: erased addresses whose links have all expired."""
    from datetime import timedelta

    from django.conf import settings

    from comments.services import erased_addresses_forget

    before = now - timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS + 1)
    deleted = erased_addresses_forget(before=before)
    return ("erased addresses past the confirmation links deleted", deleted)


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django_comments.signals import comment_will_be_posted
        from django_comments_xtd.models import (
            TmpXtdComment,
            publish_or_unpublish_on_pre_save,
        )
        from django_comments_xtd.moderation import moderator

        from articles.fragments import bump_content_version
        from articles.models import Article
        from comments import signals
        from comments.models import ArticleComment, ArticleCommentSettings
        from comments.moderation import ArticleCommentModerator
        from core.signals import privacy_cleanup_requested

        moderator.register(Article, ArticleCommentModerator)
        # xtd re-publishes every reply below a comment whenever that comment is
        # saved; that would publish held replies behind the moderators' backs.
        # Our services hide replies of rejected comments explicitly instead.
        pre_save.disconnect(
            publish_or_unpublish_on_pre_save, sender=ArticleComment._meta.label
        )
        comment_will_be_posted.connect(
            signals.truncate_ip_of_new_comment,
            sender=TmpXtdComment,
            dispatch_uid="comments.truncate_ip",
        )
        pre_save.connect(signals.truncate_ip_before_save, sender=ArticleComment)
        post_save.connect(
            signals.notify_moderators_of_held_comment, sender=ArticleComment
        )
        post_migrate.connect(signals.set_site_domain, sender=self)
        privacy_cleanup_requested.connect(
            forget_addresses, dispatch_uid="comments-privacy-cleanup"
        )
        privacy_cleanup_requested.connect(
            forget_erasures, dispatch_uid="comments-privacy-cleanup-erasures"
        )
        # Cached comment threads and comment counts (articles.fragments).
        for model in (ArticleComment, ArticleCommentSettings):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"content-version-{model.__name__}-{id(signal)}",
                )
        # Purges of the shared HTTP cache after a change (core.purge).
        from comments import caching

        caching.connect()
        # What comments adds to articles is in comments/hooks.py (found by
        # articles).
