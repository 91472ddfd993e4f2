"""The moderation policy, plugged into django-comments-xtd's moderator.

Registered with ``django_comments_xtd.moderation.moderator`` (not django-contrib-
comments' own, which never sees xtd's temporary comments) in ``CommentsConfig``.
"""

from django.conf import settings
from django_comments_xtd.moderation import XtdCommentModerator

from comments import policy
from comments.models import ArticleComment, comments_open


class ArticleCommentModerator(XtdCommentModerator):
    # Moderators are mailed from a post_save receiver once the comment exists
    # (see comments.signals), so the mail can be sent exactly once.
    email_notification = False

    def allow(self, comment, content_object, request) -> bool:
        return comments_open(content_object)

    def moderate(self, comment, content_object, request) -> bool:
        """Hold every comment, except (if enabled) one from a confirmed address
        with an approved comment, unless a hold rule fires."""
        reasons = policy.hold_reasons(
            name=comment.user_name,
            email=comment.user_email,
            url=comment.user_url,
            text=comment.comment,
        )
        # Travels with xtd's temporary comment into ArticleComment.reasons.
        comment.reasons = ",".join(reasons)
        if reasons:
            return True
        if settings.COMMENTS_TRUST_APPROVED_AUTHORS:
            return not (
                ArticleComment.objects.approved().by_email(comment.user_email).exists()
            )
        return True
