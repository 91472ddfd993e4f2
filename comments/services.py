"""Writes of the comments app: storing spam, moderating, notifying, GDPR."""

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments.forms import DEFAULT_COMMENTS_TIMEOUT as FORM_LIFETIME
from django_comments.models import Comment as BaseComment
from django_comments_xtd.models import publish_or_unpublish_nested_comments
from django_comments_xtd.views import notify_comment_followers

from articles.fragments import bump_content_version
from comments.forms import ArticleCommentForm
from comments.models import (
    ArticleComment,
    ErasedAddress,
    address_hash,
    comment_visibility_changed,
)
from comments.moderation_links import (
    LINK_DAYS,
    moderation_link_check,
    moderation_link_path,
    moderation_link_used,
)
from core.text import single_line
from core.visitors import anonymize_ip, client_ip
from core.windows import window_add

logger = logging.getLogger(__name__)


@transaction.atomic
def comment_store_spam(
    *, form: ArticleCommentForm, request: HttpRequest, reasons: list[str]
) -> ArticleComment:
    """Keep a comment the spam rules caught, out of the queue and unconfirmed,
    so a moderator can still rescue a false positive."""
    data = form.get_comment_create_data(site_id=get_current_site(request).pk)
    data.pop("content_object")
    comment = ArticleComment(
        **data,
        user=request.user if request.user.is_authenticated else None,
        ip_address=anonymize_ip(client_ip(request)),
        is_spam=True,
        reasons=",".join(reasons),
        moderators_notified=True,  # spam never mails the moderators
    )
    comment.is_public = False
    comment.is_removed = True
    comment.save()
    logger.info("Comment %s stored as spam: %s", comment.pk, comment.reasons)
    return comment


def comments_approve(
    *, comments: Iterable[ArticleComment], only_held: bool = False
) -> int:
    """Publish comments and send xtd's follow-up mails, once per comment: the
    conditional UPDATE lets only one of two concurrent approvals notify.
    ``only_held``: leave comments that are no longer waiting (rejected or
    spam meanwhile) as they are; the mail's one-click links."""
    approved = 0
    waiting = {"is_public": False, **({"is_removed": False} if only_held else {})}
    for comment in comments:
        with transaction.atomic():
            # On django-contrib-comments' table, which owns ``is_public``: an
            # UPDATE through our multi-table model would select the ids first
            # and update without the condition, so two approvals could both win.
            changed = BaseComment.objects.filter(pk=comment.pk, **waiting).update(
                is_public=True, is_removed=False
            )
            if changed or not only_held:
                ArticleComment.objects.filter(pk=comment.pk).update(is_spam=False)
            if changed:  # UPDATEs send no signals: the cached threads go now
                bump_content_version()
                comment_visibility_changed.send(sender=ArticleComment, comment=comment)
        if changed:
            approved += 1
            _followers_notify(comment_pk=comment.pk)
    return approved


def _followers_notify(*, comment_pk: int) -> None:
    """xtd's follow-up mails to earlier commenters of the article. They are a
    courtesy: a mail server that fails them is logged, and the approval (already
    committed) and the rest of a bulk approval go on."""
    try:
        notify_comment_followers(ArticleComment.objects.get(pk=comment_pk))
    except (OSError, smtplib.SMTPException):
        logger.warning(
            "Follow-up mails for comment %s not sent", comment_pk, exc_info=True
        )


def _hide(
    comments: Iterable[ArticleComment], *, only_held: bool = False, **fields: Any
) -> int:
    count = 0
    for comment in comments:
        with transaction.atomic():
            if only_held:
                # The claim, as in comments_approve: one UPDATE on the table
                # that owns the flags, so of two concurrent decisions one wins.
                claimed = BaseComment.objects.filter(
                    pk=comment.pk, is_public=False, is_removed=False
                ).update(is_removed=True)
                if not claimed:
                    continue
            ArticleComment.objects.filter(pk=comment.pk).update(
                is_public=False, is_removed=True, **fields
            )
            # Replies below a hidden comment go with it (xtd's own helper).
            publish_or_unpublish_nested_comments(comment, are_public=False)
            bump_content_version()
            comment_visibility_changed.send(sender=ArticleComment, comment=comment)
        count += 1
    return count


def comments_reject(
    *, comments: Iterable[ArticleComment], only_held: bool = False
) -> int:
    return _hide(comments, only_held=only_held, is_spam=False)


def comments_mark_spam(*, comments: Iterable[ArticleComment]) -> int:
    return _hide(comments, is_spam=True)


def comment_form_use(*, nonce: str) -> bool:
    """Use up the form with ``nonce`` (``ArticleCommentForm``): True the first
    time, False ever after, across all workers (``core.windows``) for as long
    as its signed timestamp is accepted."""
    try:
        return window_add(f"comments:form:{nonce}", seconds=FORM_LIFETIME + 60)
    except Exception:  # the store is down: a form used twice beats no comment
        logger.warning("Comment form store unavailable", exc_info=True)
        return True


def moderator_addresses() -> list[str]:
    if settings.COMMENTS_MODERATOR_EMAIL:
        return [settings.COMMENTS_MODERATOR_EMAIL]
    users = (
        get_user_model()
        .objects.filter(groups__name="Moderator", is_active=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def moderators_notify(*, comment_pk: int) -> bool:
    """Mail the moderators about a held comment, at most once per comment:
    only the caller whose UPDATE flips ``moderators_notified`` sends. A mail
    that fails gives the claim back, so it is sent later
    (``moderators_notify_pending``), never marked sent without being sent."""
    # Only our own table in the UPDATE (a condition on a parent table would
    # turn it into "select ids, then update", which two callers could both win).
    claimed = ArticleComment.objects.filter(
        pk=comment_pk, moderators_notified=False
    ).update(moderators_notified=True)
    comment = ArticleComment.objects.get(pk=comment_pk)
    if not claimed or comment.status != "held":
        return False
    recipients = moderator_addresses()
    if not recipients:
        return False
    site = settings.SITE_SCHEME + "://" + comment.site.domain
    context = {
        "comment": comment,
        "article": comment.content_object,
        "admin_url": site + comment_admin_url(),
        # Signed one-click links (comments.moderation_links), each confirming
        # on a page before it acts.
        "approve_url": site + moderation_link_path(comment=comment, action="approve"),
        "reject_url": site + moderation_link_path(comment=comment, action="reject"),
        "link_days": LINK_DAYS,
    }
    # One header line whatever the title holds (core.text.single_line).
    subject = single_line(
        _("New comment awaiting moderation: %(article)s")
        % {"article": comment.content_object}
    )
    try:
        send_mail(
            subject,
            render_to_string("comments/moderator_email.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:  # the mail server is down: the comment is saved anyway
        logger.exception("Could not mail the moderators about comment %s", comment_pk)
        ArticleComment.objects.filter(pk=comment_pk).update(moderators_notified=False)
        return False
    return True


def moderators_notify_pending(*, limit: int = 50) -> int:
    """Send the moderator mails still owed, oldest first (after a new held
    comment, and from ``manage.py comments_notify_moderators``); stops at the
    first failure, since the mail server is then still down. Returns the
    number sent."""
    pending = (
        ArticleComment.objects.held()
        .filter(moderators_notified=False)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for pk in list(pending):
        if not moderators_notify(comment_pk=pk):
            if not ArticleComment.objects.filter(
                pk=pk, moderators_notified=True
            ).exists():
                break  # not sent and not claimed by another worker: a failure
            continue
        sent += 1
    return sent


def comment_moderation_link_use(*, token: str) -> tuple[ArticleComment, str]:
    """Act on a moderation link from the mail (after its confirm page): check
    it again (``LinkRefused`` as on the page) and approve or reject. A link
    acts only on a comment that still waits, so it works once."""
    comment, action = moderation_link_check(token)
    service = comments_approve if action == "approve" else comments_reject
    if not service(comments=[comment], only_held=True):
        # Someone decided between the check and now (another link, the admin).
        comment.refresh_from_db()
        raise moderation_link_used(comment)
    return comment, action


def comment_admin_url() -> str:
    return reverse("admin:comments_articlecomment_changelist") + "?status=held"


def comments_export(*, email: str) -> list[dict[str, Any]]:
    """Everything stored about the comments of ``email`` (GDPR access request)."""
    return [
        {
            "id": comment.pk,
            "article": str(comment.content_object),
            "article_url": comment.content_object.get_absolute_url()
            if comment.content_object
            else None,
            "name": comment.user_name,
            "email": comment.user_email,
            "website": comment.user_url,
            "comment": comment.comment,
            "submitted": timezone.localtime(comment.submit_date).isoformat(),
            "ip_address_truncated": comment.ip_address,
            "status": comment.status,
            "notify_of_replies": comment.followup,
        }
        for comment in ArticleComment.objects.by_email(email).order_by("submit_date")
    ]


@transaction.atomic
def comments_erase(*, email: str) -> int:
    """Delete every comment of ``email`` (GDPR erasure request), and void the
    confirmation links mailed to it until now (``ErasedAddress``)."""
    comments = list(ArticleComment.objects.by_email(email))
    for comment in comments:
        comment.delete()
    ErasedAddress.objects.create(address_hash=address_hash(email))
    return len(comments)


def address_erased_since(*, email: str, moment: datetime) -> bool:
    """Whether the comments of ``email`` were erased at or after ``moment``."""
    return ErasedAddress.objects.filter(
        address_hash=address_hash(email), erased_at__gte=moment
    ).exists()


def erased_addresses_forget(*, before: datetime) -> int:
    """Forget erasures older than any confirmation link that is still valid."""
    deleted, _per_model = ErasedAddress.objects.filter(erased_at__lt=before).delete()
    return deleted


def comment_addresses_forget(*, before: datetime) -> int:
    """Blank the (already truncated) IP addresses of comments posted before
    ``before``: they serve abuse defence while a comment is fresh, not forever."""
    return ArticleComment.objects.filter(
        submit_date__lt=before, ip_address__isnull=False
    ).update(ip_address=None)
