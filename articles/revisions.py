"""Revisions of articles: one JSON snapshot of everything editorial per save.

Why a model of our own and not django-reversion, django-simple-history or
django-pghistory:

* An article's editorial state spans three tables (the article, its tags, its
  bylines in order). simple-history and pghistory keep one history table per
  model, so a version of "the article" would have to be pieced together from
  three histories by time; reversion follows registered relations but stores
  a serialized copy of every related row and restores by saving them back.
* Pending changes to a live article must be stored *without* touching the live
  rows; none of the three can hold a version that was never saved, while a
  snapshot row can hold one as well as one that was.
* The snapshot stores what readers see: tag names, bylines in order, the image
  file's name (never a copy of the file) with its alt text and credits.

One revision per save, whatever the path (admin, a service, the WordPress
import, the shell): the receivers below note which articles a transaction
changed (the article row, a byline, its tags) and record each one once, after
the transaction committed, from what was committed. A save outside a
transaction is its own transaction. Who saved and the optional note come from
``revision_context``; the admin opens one per request.
"""

import functools
import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, TaggedArticle

# Plain fields stored as they are, in the order the compare page shows them.
TEXT_FIELDS = ("title", "slug", "lead", "body", "meta_description")
# The featured image is a library picture: the snapshot keeps which one (to
# restore it) and a copy of its file name, alt text and credit (to show and
# compare them); the caption may be the article's own.
IMAGE_TEXT_FIELDS = ("image_caption",)


class ArticleRevision(models.Model):
    """One state of an article: saved (a revision), or proposed (pending
    changes to a live article, waiting for an editor)."""

    class State(models.TextChoices):
        SAVED = "saved", _("Saved")
        PENDING = "pending", _("Pending approval")
        SCHEDULED = "scheduled", _("Approved, scheduled")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Sent back")
        WITHDRAWN = "withdrawn", _("Replaced")

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("article"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SAVED
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    note = models.CharField(_("change note"), max_length=300, blank=True)
    # The article's status in the snapshot (also inside ``data``), as a column
    # for the list and for pruning, which keeps published revisions.
    status = models.CharField(_("status"), max_length=10, choices=Article.Status)
    word_count = models.PositiveIntegerField(_("words"), default=0)
    data = models.JSONField(_("content"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # A scheduled update of a live article goes live at this time (applied by
    # the first request that reads the content version from then on).
    apply_at = models.DateTimeField(_("goes live at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [
            models.Index(
                fields=["article", "state", "-created_at"],
                name="revision_by_article",
            ),
            models.Index(fields=["state", "apply_at"], name="revision_scheduled"),
        ]

    def __str__(self) -> str:
        return f"{self.data.get('title', '')} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING


# Snapshots -------------------------------------------------------------------


_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption)>|<br\s*/?>", re.I)


def plain_text(value: str) -> str:
    """Body HTML as text, one paragraph per line (a paragraph's last word and
    the next one's first stay two words)."""
    text = _BLOCK_END.sub("\n", value or "")
    return html.unescape(strip_tags(text)).strip()


def word_count(data: dict) -> int:
    return len(plain_text(data.get("body", "")).split()) + len(
        data.get("lead", "").split()
    )


def article_snapshot(article: Article) -> dict:
    """Everything editorial of ``article`` as JSON (tags sorted by name,
    bylines in order). Reads the tags and bylines from the database unless
    they were prefetched."""
    data = {name: getattr(article, name) or "" for name in TEXT_FIELDS}
    data["category"] = {"id": article.category_id, "name": str(article.category)}
    data["tags"] = sorted(tag.name for tag in article.tags.all())
    bylines = article.bylines.all()
    if "bylines" not in getattr(article, "_prefetched_objects_cache", {}):
        bylines = bylines.select_related("author").order_by("position", "pk")
    data["bylines"] = [
        {"id": byline.author_id, "name": str(byline.author)} for byline in bylines
    ]
    picture = article.picture
    data["picture_id"] = article.picture_id
    data["image"] = picture.file.name if picture else ""
    data["image_alt"] = picture.alt_text if picture else ""
    data["image_credit"] = picture.photographer if picture else ""
    data["image_source"] = picture.source if picture else ""
    data.update({name: getattr(article, name) or "" for name in IMAGE_TEXT_FIELDS})
    data["status"] = article.status
    data["publish_at"] = article.publish_at.isoformat() if article.publish_at else ""
    return data


def snapshot_queryset():
    return (
        Article.objects.defer("search_vector")
        .select_related("category", "picture")
        .prefetch_related(
            "tags",
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author").order_by(
                    "position", "pk"
                ),
            ),
        )
    )


def publish_time(data: dict) -> datetime | None:
    value = data.get("publish_at")
    return datetime.fromisoformat(value) if value else None


# Who saves, and why ------------------------------------------------------------


@dataclass
class RevisionContext:
    user: object = None
    note: str = ""


_context: ContextVar[RevisionContext | None] = ContextVar(
    "revision_context", default=None
)


@contextmanager
def revision_context(*, user=None, note: str = "") -> Iterator[RevisionContext]:
    """Revisions recorded for saves inside the block carry ``user`` and
    ``note``; the yielded object may be changed (the admin sets the note once
    the form is valid)."""
    context = RevisionContext(user=user, note=note)
    token = _context.set(context)
    try:
        yield context
    finally:
        _context.reset(token)


def current_revision_context() -> RevisionContext | None:
    return _context.get()


# Recording ---------------------------------------------------------------------


def _changed_articles() -> dict:
    """Articles changed in the current transaction and not yet recorded, per
    database connection (so per thread), with the context of their save."""
    connection = transaction.get_connection()
    if not hasattr(connection, "_article_revisions_due"):
        connection._article_revisions_due = {}
    return connection._article_revisions_due


@dataclass
class _Due:
    context: RevisionContext | None
    callback: object  # the newest recording callback of this article


def article_changed(article_id: int) -> None:
    """Record a revision of the article once the current transaction commits
    (at once outside a transaction). Called by the receivers below; several
    calls in one transaction record one revision."""
    due = _changed_articles()
    context = _context.get()
    callback = functools.partial(_record_due, article_id)
    entry = due.get(article_id)
    if (
        entry is None
        or not _waiting(entry.callback)
        or (context is not None and context.user is not None)
    ):
        # An entry whose callback Django dropped is from a transaction (or
        # savepoint) that was rolled back: it must not lend its user and note
        # to this save.
        due[article_id] = _Due(context, callback)
    else:
        entry.callback = callback
    # One callback per call: a savepoint rolled back drops the callbacks made
    # inside it, so the first one left records, the others find nothing due.
    transaction.on_commit(callback, robust=True)


def _waiting(callback) -> bool:
    """Whether the current transaction still holds ``callback`` (Django drops
    callbacks on rollback, with the savepoint's)."""
    return any(
        func is callback
        for _savepoints, func, _robust in transaction.get_connection().run_on_commit
    )


def _record_due(article_id: int) -> None:
    due = _changed_articles()
    if article_id not in due:
        return
    context = due.pop(article_id).context
    article = snapshot_queryset().filter(pk=article_id).first()
    if article is None:  # deleted in the same transaction
        return
    revision_record(
        article=article,
        user=context.user if context else None,
        note=context.note if context else "",
    )


def revision_record(
    *, article: Article, user=None, note: str = "", force: bool = False
) -> ArticleRevision | None:
    """Store the article's current state as a saved revision. A save that
    changed nothing editorial (and has no note) records nothing."""
    data = article_snapshot(article)
    latest = (
        ArticleRevision.objects.filter(
            article_id=article.pk, state=ArticleRevision.State.SAVED
        )
        .only("data")
        .first()
    )
    if not force and not note and latest is not None and latest.data == data:
        return None
    return ArticleRevision.objects.create(
        article_id=article.pk,
        created_by=user if getattr(user, "pk", None) else None,
        note=(note or "")[:300],
        status=data["status"],
        word_count=word_count(data),
        data=data,
    )


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        article_changed(instance.pk)


def _byline_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.article_id:
        article_changed(instance.article_id)


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        article_changed(instance.pk)
    else:
        for article_id in pk_set or ():
            article_changed(article_id)


def connect_signals() -> None:
    """Called from ``ArticlesConfig.ready()``."""
    uid = "articles.revisions"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}.article")
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline")
    post_delete.connect(
        _byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline-delete"
    )
    m2m_changed.connect(_tags_changed, sender=TaggedArticle, dispatch_uid=f"{uid}.tags")


# Retention ---------------------------------------------------------------------


def revisions_prune(*, keep: int, before) -> int:
    """Delete saved revisions created before ``before``, except each article's
    newest ``keep`` and every revision of a published state. Pending changes
    and decisions on them stay. Returns how many were deleted."""
    deleted = 0
    articles = (
        ArticleRevision.objects.filter(
            state=ArticleRevision.State.SAVED, created_at__lt=before
        )
        .values_list("article_id", flat=True)
        .distinct()
    )
    for article_id in articles.iterator():
        newest = ArticleRevision.objects.filter(
            article_id=article_id, state=ArticleRevision.State.SAVED
        ).values("pk")[:keep]
        count, _ = (
            ArticleRevision.objects.filter(
                article_id=article_id,
                state=ArticleRevision.State.SAVED,
                created_at__lt=before,
            )
            .exclude(status=Article.Status.PUBLISHED)
            .exclude(pk__in=list(newest.values_list("pk", flat=True)))
            .delete()
        )
        deleted += count
    return deleted
