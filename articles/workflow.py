"""Pending changes to live articles: saved aside, approved or sent back.

A journalist's save of a published article does not touch the article: the
admin stores the would-be state as a pending revision
(``ArticleRevision.State.PENDING``), and the public page, feeds, search and
PDF keep reading the live article. An editor approves (the snapshot is applied
to the article, which records a normal revision) or sends it back with a note.
View counts, ratings and comments hang on the article, not on a revision, so
none of this touches them.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import mails
from articles.models import Article, Byline, Category, ReviewNote
from articles.revisions import (
    IMAGE_TEXT_FIELDS,
    TEXT_FIELDS,
    ArticleRevision,
    revision_context,
    word_count,
)
from articles.services import article_publish
from authors.models import Author
from pictures.models import Picture


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
    picture_id = data.get("picture_id")
    if picture_id is None or Picture.objects.filter(pk=picture_id).exists():
        article.picture_id = picture_id  # a picture deleted since is left out
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
def pending_change_approve(
    *, revision: ArticleRevision, user, note: str = "", at=None
) -> bool:
    """Apply pending changes to the live article, now or (``at`` in the
    future) as a scheduled update that goes live by itself at that time.
    Returns False when someone else decided on them first (two editors
    approving at once apply them once: only one conditional update finds the
    revision still pending)."""
    now = timezone.now()
    scheduled = at is not None and at > now
    claimed = ArticleRevision.objects.filter(
        pk=revision.pk, state=ArticleRevision.State.PENDING
    ).update(
        state=ArticleRevision.State.SCHEDULED
        if scheduled
        else ArticleRevision.State.APPROVED,
        decided_by=user,
        decided_at=now,
        apply_at=at if scheduled else None,
    )
    if not claimed:
        return False
    if scheduled:
        _step_taken(
            article=revision.article, step="schedule_changes", user=user, note=note
        )
        return True
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    author = revision.created_by
    default_note = _("Pending changes by %(name)s approved") % {
        "name": (author.get_full_name() or author.get_username()) if author else "–"
    }
    with revision_context(user=user, note=note or default_note):
        revision_apply(article=article, data=revision.data)
    _step_taken(article=article, step="approve_changes", user=user, note=note)
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
    _step_taken(article=revision.article, step="return_changes", user=user, note=note)
    return True


# The review workflow -----------------------------------------------------------


class TransitionRefused(Exception):
    """A step that is not open to this user from the article's status."""


@dataclass(frozen=True)
class Step:
    label: str
    sources: frozenset
    target: str
    editors_only: bool = False
    needs_note: bool = False


S = Article.Status
TRANSITIONS = {
    "submit": Step(
        gettext_lazy("Submit for review"), frozenset({S.DRAFT, S.CHANGES}), S.REVIEW
    ),
    "withdraw": Step(
        gettext_lazy("Withdraw (back to draft)"), frozenset({S.REVIEW}), S.DRAFT
    ),
    "request_changes": Step(
        gettext_lazy("Request changes"),
        frozenset({S.REVIEW}),
        S.CHANGES,
        editors_only=True,
        needs_note=True,
    ),
    "publish": Step(
        gettext_lazy("Approve and publish (or schedule)"),
        frozenset({S.REVIEW}),
        S.PUBLISHED,
        editors_only=True,
    ),
    "unpublish": Step(
        gettext_lazy("Unpublish"),
        frozenset({S.PUBLISHED}),
        S.DRAFT,
        editors_only=True,
        needs_note=True,
    ),
}
# A status changed in the article form counts as the step between the two.
_STEP_BETWEEN = {
    (source, step.target): name
    for name, step in TRANSITIONS.items()
    for source in step.sources
}


def steps_open_to(*, user, article: Article) -> dict[str, Step]:
    return {
        name: step
        for name, step in TRANSITIONS.items()
        if article.status in step.sources
        and (can_publish(user) or not step.editors_only)
    }


@transaction.atomic
def article_transition(
    *, article: Article, step: str, user, note: str = "", at=None
) -> ReviewNote:
    """Take ``step`` of the workflow (``TRANSITIONS``) with an optional note
    (required to request changes and to unpublish). Refuses, changing
    nothing, a step that is not open from the article's current status or not
    to this user's role. ``at`` schedules a publication."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    spec = steps_open_to(user=user, article=article).get(step)
    note = (note or "").strip()
    if spec is None:
        raise TransitionRefused(step)
    if spec.needs_note and not note:
        raise TransitionRefused(_("This step needs a note."))
    with revision_context(user=user, note=note[:300]):
        if step == "publish":
            article_publish(article=article, at=at)
        else:
            article.status = spec.target
            article.save(update_fields=["status", "updated_at"])
    return _step_taken(article=article, step=step, user=user, note=note)


def status_changed(*, article: Article, before: str, user, note: str = "") -> None:
    """The status was changed in the article form: note and announce the step
    it amounts to, as ``article_transition`` does."""
    step = _STEP_BETWEEN.get((before, article.status))
    if step is not None:
        _step_taken(article=article, step=step, user=user, note=note)


def _step_taken(*, article, step, user, note) -> ReviewNote:
    record = ReviewNote.objects.create(
        article=article, author=user, text=note, transition=step
    )
    transaction.on_commit(
        lambda: mails.step_announce(
            article_id=article.pk, step=step, note_id=record.pk
        ),
        robust=True,
    )
    return record


def review_thread(article: Article):
    return ReviewNote.objects.filter(article=article).select_related("author")


STEP_LABELS = {
    **{name: step.label for name, step in TRANSITIONS.items()},
    "approve_changes": gettext_lazy("Pending changes approved"),
    "return_changes": gettext_lazy("Pending changes sent back"),
    "schedule_changes": gettext_lazy("Pending changes approved for a later time"),
}


def scheduled_updates_apply(*, now=None) -> int:
    """Apply the scheduled updates whose time has come (called when the
    content version finds one due, see ``articles.fragments``); each once,
    whoever calls at the same moment. Returns how many were applied."""
    now = now or timezone.now()
    applied = 0
    due = ArticleRevision.objects.filter(
        state=ArticleRevision.State.SCHEDULED, apply_at__lte=now
    ).select_related("decided_by")
    for revision in due:
        with transaction.atomic():
            claimed = ArticleRevision.objects.filter(
                pk=revision.pk, state=ArticleRevision.State.SCHEDULED
            ).update(state=ArticleRevision.State.APPROVED)
            if not claimed:
                continue
            article = Article.objects.select_for_update().get(pk=revision.article_id)
            with revision_context(
                user=revision.decided_by, note=_("Scheduled update went live")
            ):
                revision_apply(article=article, data=revision.data)
            applied += 1
    return applied
