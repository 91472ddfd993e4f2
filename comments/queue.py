"""The moderators' queue of held comments (``ArticleCommentAdmin.queue_view``):
the oldest first, each with its article and, at a glance, what became of the
commenter's other comments. A fixed number of queries however long the queue
or the commenters' history: the count, the page of comments, their articles,
and one grouped count over the page's addresses."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Lower

from comments.models import ArticleComment

QUEUE_SIZE = 50


@dataclass(frozen=True)
class History:
    approved: int = 0
    rejected: int = 0
    spam: int = 0
    waiting: int = 0  # other held comments besides this one

    @property
    def total(self) -> int:
        return self.approved + self.rejected + self.spam + self.waiting


def held_comments():
    return ArticleComment.objects.for_articles().held()


def queue_page(*, limit: int = QUEUE_SIZE) -> tuple[int, list[ArticleComment]]:
    """How many comments wait, and the oldest ``limit`` of them, each with
    ``history`` (the commenter's other comments, by address)."""
    held = held_comments()
    comments = list(
        held.order_by("submit_date", "pk").prefetch_related("content_object")[:limit]
    )
    histories = _histories({c.user_email.strip().lower() for c in comments})
    for comment in comments:
        counts = histories.get(comment.user_email.strip().lower(), {})
        comment.history = History(
            approved=counts.get("approved", 0),
            rejected=counts.get("rejected", 0),
            spam=counts.get("spam", 0),
            # The grouped count includes the comment itself.
            waiting=max(counts.get("waiting", 0) - 1, 0),
        )
    return held.count(), comments


def _histories(addresses: set[str]) -> dict[str, dict[str, int]]:
    addresses.discard("")
    if not addresses:
        return {}
    rows = (
        ArticleComment.objects.for_articles()
        .annotate(address=Lower("user_email"))
        .filter(address__in=addresses)
        .order_by()
        .values("address")
        .annotate(
            approved=Count("pk", filter=Q(is_public=True, is_removed=False)),
            rejected=Count("pk", filter=Q(is_removed=True, is_spam=False)),
            spam=Count("pk", filter=Q(is_spam=True)),
            waiting=Count(
                "pk", filter=Q(is_public=False, is_removed=False, is_spam=False)
            ),
        )
    )
    return {row.pop("address"): row for row in rows}
