"""Signed one-click links in the moderators' notification mail: approve or
reject that one comment without logging in.

A link carries the comment, the action and the time it was made, signed
(``django.core.signing``, its own salt); it is valid for ``LINK_DAYS`` days.
Opening it (GET) only shows the comment and a confirm button, so a mail
scanner that fetches every link changes nothing; the button POSTs (with the
page's CSRF token) and the action runs
(``services.comment_moderation_link_use``). It is usable once: it acts only on a
comment that still waits, so after its first use, or any other moderator's
decision on that comment, it answers 409. Forged or mangled → 400, expired
→ 410, a comment that no longer exists → 404.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from comments.models import ArticleComment

LINK_DAYS = 7
SALT = "comments.moderation-link"
ACTIONS = ("approve", "reject")
ACTION_LABELS = {"approve": _("Approve"), "reject": _("Reject")}


@dataclass(frozen=True)
class LinkRefused(Exception):
    status: int
    message: str


def moderation_link_path(*, comment: ArticleComment, action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(action)
    token = signing.dumps({"c": comment.pk, "a": action}, salt=SALT)
    return reverse("comments:moderate-link", kwargs={"token": token})


def moderation_link_check(token: str) -> tuple[ArticleComment, str]:
    """The waiting comment and the action a link names, or ``LinkRefused``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        raise LinkRefused(
            410,
            _(
                "This link has expired: moderation links are valid for %(days)d "
                "days. Please moderate the comment in the admin."
            )
            % {"days": LINK_DAYS},
        ) from None
    except signing.BadSignature:
        raise LinkRefused(400, _("This link is not valid.")) from None
    action = data.get("a") if isinstance(data, dict) else None
    pk = data.get("c") if isinstance(data, dict) else None
    if action not in ACTIONS or not isinstance(pk, int):
        raise LinkRefused(400, _("This link is not valid."))
    comment = (
        ArticleComment.objects.for_articles()
        .prefetch_related("content_object")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise LinkRefused(404, _("This comment no longer exists."))
    if comment.status != "held":
        raise moderation_link_used(comment)
    return comment, action


def moderation_link_used(comment: ArticleComment) -> LinkRefused:
    return LinkRefused(
        409,
        _(
            "This link has been used: the comment no longer waits for "
            "moderation (it is %(status)s)."
        )
        % {"status": STATUS_WORDS[comment.status]},
    )


STATUS_WORDS = {
    "approved": _("approved"),
    "rejected": _("rejected"),
    "spam": _("marked as spam"),
    "held": _("waiting"),
}
