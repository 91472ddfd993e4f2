"""Pending changes to live articles: saved aside, approved or sent back.

A journalist's save of a published article does not touch the article: the
admin stores the would-be state as a pending revision
(``ArticleRevision.State.PENDING``), and the public page, feeds, search and
PDF keep reading the live article. An editor approves (the snapshot is applied
to the article, which records a normal revision) or sends it back with a note.
View counts, ratings and comments hang on the article, not on a revision, so
none of this touches them.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Byline, Category, ReviewNote
from articles.revisions import (
    IMAGE_TEXT_FIELDS,
    TEXT_FIELDS,
    ArticleRevision,
    revision_context,
    word_count,
)
from authors.models import Author


def can_publish(user) -> bool:
    return user.has_perm("articles.publish_article")


def saves_as_pending(*, user, status_before: str, requested: bool = False) -> bool:
    """Whether a save of an article by ``user`` becomes pending changes: a
    journalist's change to a published article always, an editor's when they
    ask for it."""
    if status_before != Article.Status.PUBLISHED:
        return False
    return requested or not can_publish(user)


def pending_change(article: Article) -> ArticleRevision | None:
    return (
        ArticleRevision.objects.filter(
            article=article, state=ArticleRevision.State.PENDING
        )
        .select_related("created_by")
        .first()
    )


@transaction.atomic
def pending_change_save(
    *, article: Article, data: dict, user, note: str = ""
) -> ArticleRevision:
    """Store ``data`` (a snapshot) as the article's pending changes. There is
    at most one: the form of a live article with pending changes starts from
    them, so a newer save contains the older one and replaces it."""
    ArticleRevision.objects.filter(
        article=article, state=ArticleRevision.State.PENDING
    ).update(state=ArticleRevision.State.WITHDRAWN)
    # Pending changes never change the status: the article stays published.
    data = {**data, "status": Article.Status.PUBLISHED}
    return ArticleRevision.objects.create(
        article=article,
        state=ArticleRevision.State.PENDING,
        created_by=user,
        note=(note or "")[:300],
        status=data["status"],
        word_count=word_count(data),
        data=data,
    )


def revision_apply(*, article: Article, data: dict) -> Article:
    """Write a snapshot's editorial content into the article (not its status or
    publication time), with its tags and bylines. Authors or categories deleted
    since are left out."""
    for name in (*TEXT_FIELDS, *IMAGE_TEXT_FIELDS):
        setattr(article, name, data.get(name, ""))
    category_id = (data.get("category") or {}).get("id")
    if category_id and Category.objects.filter(pk=category_id).exists():
        article.category_id = category_id
    article.image.name = data.get("image", "")
    article.save()
    article.tags.set(data.get("tags", []), clear=False)
    wanted = [entry["id"] for entry in data.get("bylines", [])]
    existing = set(Author.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    wanted = [pk for pk in wanted if pk in existing]
    Byline.objects.filter(article=article).exclude(author_id__in=wanted).delete()
    current = {b.author_id: b for b in Byline.objects.filter(article=article)}
    for position, author_id in enumerate(wanted):
        byline = current.get(author_id)
        if byline is None:
            Byline.objects.create(
                article=article, author_id=author_id, position=position
            )
        elif byline.position != position:
            byline.position = position
            byline.save(update_fields=["position"])
    return article


@transaction.atomic
def pending_change_approve(*, revision: ArticleRevision, user, note: str = "") -> bool:
    """Apply pending changes to the live article. Returns False when someone
    else decided on them first (two editors approving at once apply them once:
    only one conditional update finds the revision still pending)."""
    claimed = ArticleRevision.objects.filter(
        pk=revision.pk, state=ArticleRevision.State.PENDING
    ).update(
        state=ArticleRevision.State.APPROVED,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if not claimed:
        return False
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    author = revision.created_by
    default_note = _("Pending changes by %(name)s approved") % {
        "name": (author.get_full_name() or author.get_username()) if author else "–"
    }
    with revision_context(user=user, note=note or default_note):
        revision_apply(article=article, data=revision.data)
    if note:
        ReviewNote.objects.create(article=article, author=user, text=note)
    return True


@transaction.atomic
def pending_change_return(*, revision: ArticleRevision, user, note: str) -> bool:
    """Send pending changes back to their author with a note; the live article
    is unchanged. False when someone decided on them first."""
    claimed = ArticleRevision.objects.filter(
        pk=revision.pk, state=ArticleRevision.State.PENDING
    ).update(
        state=ArticleRevision.State.RETURNED,
        decided_by=user,
        decided_at=timezone.now(),
    )
    if not claimed:
        return False
    ReviewNote.objects.create(article_id=revision.article_id, author=user, text=note)
    return True
