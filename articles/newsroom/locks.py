"""Who else is editing: a heartbeat from the writing screen marks the
article as open by that person (``ArticleEditLock``); a second person who
opens it is told "Wird gerade von NAME bearbeitet (seit HH:MM)". Editors may
take it over; the first person learns it on their next heartbeat.

A lock whose heartbeats stopped for ``STALE_AFTER`` (a closed tab, a crash)
counts as free. The lock only informs: the form's version check
(``articles.newsroom.versions``) is what keeps saves from being lost.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleEditLock


def heartbeat_seconds() -> int:
    return settings.ARTICLE_EDIT_HEARTBEAT_SECONDS


def stale_after() -> timedelta:
    # Three missed heartbeats.
    return timedelta(seconds=3 * heartbeat_seconds())


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class LockState:
    state: str  # "mine", "other" (someone else edits), "taken" (from me)
    message: str = ""

    def as_json(self) -> dict:
        return {"state": self.state, "message": self.message}


def editing_message(lock: ArticleEditLock) -> str:
    since = formats.time_format(timezone.localtime(lock.since), "H:i")
    return _("Being edited by %(name)s (since %(time)s)") % {
        "name": display_name(lock.user),
        "time": since,
    }


def current_editor(article: Article, user) -> ArticleEditLock | None:
    """The fresh lock of someone else on ``article``, if any."""
    lock = (
        ArticleEditLock.objects.select_related("user")
        .filter(article=article, heartbeat_at__gte=timezone.now() - stale_after())
        .exclude(user=user)
        .first()
    )
    return lock


def lock_heartbeat(*, article: Article, user, had_lock: bool) -> LockState:
    """Renew this person's lock, take a free or stale one, or report who else
    has the article open (and whether they took it from this person)."""
    now = timezone.now()
    with transaction.atomic():
        lock = (
            ArticleEditLock.objects.select_for_update()
            .select_related("user")
            .filter(article=article)
            .first()
        )
        if lock is None:
            try:
                with transaction.atomic():
                    ArticleEditLock.objects.create(
                        article=article, user=user, since=now, heartbeat_at=now
                    )
                return LockState("mine")
            except IntegrityError:  # someone else's first heartbeat won
                lock = ArticleEditLock.objects.select_related("user").get(
                    article=article
                )
        if lock.user_id == user.pk:
            lock.heartbeat_at = now
            lock.save(update_fields=["heartbeat_at"])
            return LockState("mine")
        if lock.heartbeat_at < now - stale_after():
            lock.user, lock.since, lock.heartbeat_at = user, now, now
            lock.save()
            return LockState("mine")
    if had_lock:
        return LockState(
            "taken",
            _(
                "%(name)s has taken over editing this article. Save nothing more here; "
                "your unsaved text stays in the form."
            )
            % {"name": display_name(lock.user)},
        )
    return LockState("other", editing_message(lock))


def lock_take_over(*, article: Article, user) -> None:
    now = timezone.now()
    ArticleEditLock.objects.update_or_create(
        article=article, defaults={"user": user, "since": now, "heartbeat_at": now}
    )
