"""Our comment model over django-comments-xtd, and the per-article switch.

``ArticleComment`` extends xtd's ``XtdComment`` (multi-table inheritance, as in
xtd's "custom comment model" tutorial) only by what the moderation policy needs:
spam and hold reasons and a "moderators notified" mark. Visibility stays in the
library's own fields: public = ``is_public and not is_removed``.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.dispatch import Signal
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment, XtdCommentManager

ARTICLE_CT = Q(content_type__app_label="articles", content_type__model="article")


class ArticleCommentQuerySet(models.QuerySet):
    def for_articles(self) -> "ArticleCommentQuerySet":
        return self.filter(ARTICLE_CT)

    def approved(self) -> "ArticleCommentQuerySet":
        return self.filter(is_public=True, is_removed=False)

    def held(self) -> "ArticleCommentQuerySet":
        return self.filter(is_public=False, is_removed=False, is_spam=False)

    def spam(self) -> "ArticleCommentQuerySet":
        return self.filter(is_spam=True)

    def rejected(self) -> "ArticleCommentQuerySet":
        return self.filter(is_removed=True, is_spam=False)

    def of_article(self, article) -> "ArticleCommentQuerySet":
        return self.for_articles().filter(object_pk=str(article.pk))

    def by_email(self, email: str) -> "ArticleCommentQuerySet":
        return self.filter(user_email__iexact=email.strip())


# xtd's manager (thread order, user and content type joined) with our filters.
ArticleCommentManager = XtdCommentManager.from_queryset(ArticleCommentQuerySet)


class ArticleComment(XtdComment):
    class Reason(models.TextChoices):
        LINKS = "links", _("too many links")
        BLOCKLIST = "blocklist", _("blocked word")
        HONEYPOT = "honeypot", _("honeypot filled")
        TOO_FAST = "too_fast", _("sent too fast")

    is_spam = models.BooleanField(_("spam"), default=False, db_index=True)
    reasons = models.CharField(
        _("moderation reasons"),
        max_length=200,
        blank=True,
        help_text=_("Why the spam rules held the comment or marked it as spam."),
    )
    moderators_notified = models.BooleanField(
        _("moderators notified"), default=False, editable=False
    )

    objects = ArticleCommentManager()

    class Meta:
        ordering = ["thread_id", "order"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.user_name}: {self.comment[:50]}"

    def get_absolute_url(self, anchor_pattern="#c%(id)s") -> str:
        # Straight to the article: django-contrib-comments' default goes through
        # its "comments-url-redirect" view, which we don't publish.
        return self.content_object.get_absolute_url() + anchor_pattern % {"id": self.pk}

    @property
    def reason_labels(self) -> list[str]:
        labels = dict(self.Reason.choices)
        return [str(labels.get(code, code)) for code in self.reasons.split(",") if code]

    @property
    def website_link(self) -> str:
        """The commenter's website if it is safe to link: http(s) only. The form
        checks it, but imported comments (WordPress) bring addresses unchecked,
        and a ``javascript:`` address in an ``href`` would run when clicked."""
        url = self.user_url.strip()
        return url if url.lower().startswith(("http://", "https://")) else ""

    @property
    def status(self) -> str:
        if self.is_spam:
            return "spam"
        if self.is_removed:
            return "rejected"
        return "approved" if self.is_public else "held"


def approved_count_subquery():
    """Approved comments of the outer article, as a correlated subquery: one
    query for a whole list of articles (used by the queryset hook)."""
    counts = (
        ArticleComment.objects.order_by()
        .for_articles()
        .approved()
        .filter(object_pk=Cast(OuterRef("pk"), models.CharField()))
        .values("object_pk")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts), Value(0))


class ArticleCommentSettings(models.Model):
    """Per-article comment options, kept here so ``articles.Article`` needs no
    comment fields. No row means the defaults (comments on)."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="comment_settings",
        verbose_name=_("article"),
    )
    comments_enabled = models.BooleanField(
        _("comments enabled"),
        default=True,
        help_text=_(
            "Untick to close the comments of this article. They also close by "
            "themselves some days after publication (see the README)."
        ),
    )

    class Meta:
        ordering = ["article"]
        verbose_name = _("comment settings")
        verbose_name_plural = _("comment settings")

    def __str__(self) -> str:
        return str(self.article)


def address_hash(email: str) -> str:
    """An e-mail address as a keyed hash (``SECRET_KEY``), never the address:
    for rate limits per address and for erased addresses."""
    return salted_hmac("comments.address", email.strip().lower()).hexdigest()


class ErasedAddress(models.Model):
    """An address whose comments were erased (``comments_gdpr erase``), kept as
    a keyed hash for as long as a confirmation link lives
    (``COMMENTS_CONFIRMATION_DAYS``): a link mailed before the erasure must not
    bring the erased comment back. ``privacy_cleanup`` deletes older rows."""

    address_hash = models.CharField(_("address (hashed)"), max_length=64, db_index=True)
    erased_at = models.DateTimeField(_("erased"), default=timezone.now)

    class Meta:
        ordering = ["-erased_at"]
        verbose_name = _("erased address")
        verbose_name_plural = _("erased addresses")

    def __str__(self) -> str:
        return f"{self.address_hash[:12]}… {self.erased_at:%Y-%m-%d}"


class BlockedWord(models.Model):
    """A word or phrase that holds a comment for moderation (case-insensitive)."""

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")

    def __str__(self) -> str:
        return self.word

    def save(self, *args, **kwargs):
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)


def comments_open(article) -> bool:
    """May visitors comment on ``article`` now? Published, not switched off,
    and not older than ``COMMENTS_CLOSE_AFTER_DAYS``.

    Reads ``article.comment_settings`` (joined by the queryset hook)."""
    if not article.is_published:
        return False
    try:
        if not article.comment_settings.comments_enabled:
            return False
    except ArticleCommentSettings.DoesNotExist:
        pass
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return timezone.now() - article.publish_at < timedelta(days=days)


# Sent by the services that approve or hide comments with an UPDATE (which sends
# no ``post_save``), with ``comment``: the article's cached page changes
# (comments.caching).
comment_visibility_changed = Signal()
