"""WordPress data for the feature apps, read and checked, ready to be written.

The counters, ratings and comments apps own how their data is stored; their
import steps (``wordpress_import.steps``) get here what WP-PostViews,
WP-PostRatings and the WordPress comments say, already validated and in this
project's terms, so that each step is only a call of the app's own service:

* ``views_total(item)``: the WP-PostViews count (``views`` post meta);
* ``rating_totals(item)``: WP-PostRatings' number of votes and sum of scores,
  which give the same count and average as on the old site and combine with
  new votes (the average is always ``total / count``);
* ``prepare_comments(item.comments, max_level=…)``: the threads, parents first,
  cut to the project's depth, with statuses, anonymised IP addresses and plain
  text; ``accounts_for(wp_user_ids)`` finds registered commenters' logins.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from core.visitors import anonymize_ip
from wordpress_import import parser
from wordpress_import.content import plain_text
from wordpress_import.parser import parse_date

MAX_STARS = 5  # WP-PostRatings' default scale


class DataError(ValueError):
    """The value in the export cannot be right; the message says why."""


def _number(item: parser.Item, key: str) -> int | None:
    value = item.meta_value(key).strip()
    if not value:
        return None
    try:
        number = int(float(value))
    except ValueError:
        raise DataError(f"{key} „{value}“ is not a number") from None
    if number < 0:
        raise DataError(f"{key} „{value}“ is negative")
    return number


def views_total(item: parser.Item) -> int | None:
    """WP-PostViews' total, or ``None`` when the post has none."""
    return _number(item, "views")


@dataclass(frozen=True)
class RatingTotals:
    count: int
    total: int

    @property
    def average(self) -> float:
        return self.total / self.count if self.count else 0.0


def rating_totals(item: parser.Item) -> RatingTotals | None:
    """WP-PostRatings' votes and sum of scores; ``None`` when never rated.

    ``ratings_average`` is derived (and rounded) by the plugin, so it is not
    used. A sum outside 1–5 stars per vote means another scale was configured:
    refused rather than shown with a wrong average.
    """
    count = _number(item, "ratings_users")
    total = _number(item, "ratings_score")
    if not count:
        return None
    if total is None or not count <= total <= MAX_STARS * count:
        raise DataError(
            f"ratings_score {total} does not fit {count} votes of 1–{MAX_STARS} stars"
        )
    return RatingTotals(count=count, total=total)


class CommentStatus(StrEnum):
    PUBLIC = "public"
    HELD = "held"  # waiting for moderation
    SPAM = "spam"


COMMENT_STATUSES = {
    "1": CommentStatus.PUBLIC,
    "approve": CommentStatus.PUBLIC,
    "0": CommentStatus.HELD,
    "hold": CommentStatus.HELD,
    "spam": CommentStatus.SPAM,
}


@dataclass
class PreparedComment:
    wp_id: int
    parent_wp_id: int | None  # after cutting to the allowed depth
    level: int  # 0 for a top-level comment
    status: CommentStatus
    name: str
    email: str
    url: str
    ip: str | None  # anonymised
    submitted_at: datetime | None
    text: str  # plain text: comment HTML is shown as text here
    wp_user_id: int  # a registered WordPress user (0: a guest)


def comment_text(content: str) -> str:
    """Comment HTML → the plain text a reader saw (tags gone, entities decoded,
    paragraphs kept as blank lines)."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", content.replace("\r\n", "\n"))
    text = re.sub(r"(?i)</p>\s*", "\n\n", text)
    text = plain_text(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def prepare_comments(
    comments: list[parser.Comment], *, max_level: int
) -> tuple[list[PreparedComment], list[tuple[parser.Comment, str]]]:
    """Comments to import, parents before children, and those skipped (why).

    A reply deeper than ``max_level`` is attached to its ancestor at
    ``max_level - 1``, so it lands at the deepest allowed level, after its
    thread. A reply whose parent is skipped (trash) or missing moves up to the
    nearest kept ancestor, or becomes a top-level comment.
    """
    skipped: list[tuple[parser.Comment, str]] = []
    kept: dict[int, parser.Comment] = {}
    for comment in comments:
        if comment.type in {"pingback", "trackback"}:
            skipped.append((comment, f"a {comment.type}, not a comment"))
        elif comment.approved in {"trash", "post-trashed"}:
            skipped.append((comment, "in the trash"))
        elif comment.approved not in COMMENT_STATUSES:
            skipped.append((comment, f"unknown status „{comment.approved}“"))
        elif not comment.content.strip():
            skipped.append((comment, "empty"))
        else:
            kept[comment.wp_id] = comment
    by_id = {comment.wp_id: comment for comment in comments}

    def kept_parent(comment: parser.Comment) -> int | None:
        seen = set()
        parent = comment.parent
        while parent and parent not in kept and parent in by_id and parent not in seen:
            seen.add(parent)
            parent = by_id[parent].parent
        return parent if parent in kept else None

    children: dict[int | None, list[parser.Comment]] = {}
    for comment in kept.values():
        children.setdefault(kept_parent(comment), []).append(comment)

    def order(comment: parser.Comment) -> tuple[str, int]:
        return (comment.date_gmt or comment.date, comment.wp_id)

    prepared: list[PreparedComment] = []
    visited: set[int] = set()

    def visit(comment: parser.Comment, path: list[int]) -> None:
        if comment.wp_id in visited:
            return
        visited.add(comment.wp_id)
        level = min(len(path), max_level)
        parent = path[level - 1] if level else None
        prepared.append(_prepared(comment, parent, level))
        for child in sorted(children.get(comment.wp_id, []), key=order):
            visit(child, [*path, comment.wp_id])

    for top in sorted(children.get(None, []), key=order):
        visit(top, [])
    # Parents that point at each other (a broken database): top-level instead.
    for comment in sorted(kept.values(), key=order):
        visit(comment, [])
    return prepared, skipped


def _prepared(comment: parser.Comment, parent: int | None, level: int):
    return PreparedComment(
        wp_id=comment.wp_id,
        parent_wp_id=parent,
        level=level,
        status=COMMENT_STATUSES[comment.approved],
        name=comment.author[:50],
        email=comment.email if "@" in comment.email else "",
        url=comment.url if comment.url.startswith(("http://", "https://")) else "",
        ip=anonymize_ip(comment.ip) if comment.ip else None,
        submitted_at=parse_date(comment.date, comment.date_gmt),
        text=comment_text(comment.content),
        wp_user_id=comment.user_id,
    )


def accounts_for(wp_user_ids) -> dict[int, int]:
    """WordPress user ID → id of the login of their author profile, for those
    that have one (``--create-users``); two queries for all of a post's comments.

    Never a staff or superuser login: an imported comment must not appear as
    written by an editor because an export says so."""
    from authors.models import Author
    from wordpress_import.models import WordPressObject

    wanted = {wp_id for wp_id in wp_user_ids if wp_id}
    if not wanted:
        return {}
    profiles = dict(
        WordPressObject.objects.filter(
            kind=WordPressObject.Kind.AUTHOR, wp_id__in=wanted
        ).values_list("object_id", "wp_id")
    )
    return {
        profiles[author_id]: user_id
        for author_id, user_id in Author.objects.filter(
            pk__in=profiles,
            user__isnull=False,
            user__is_staff=False,
            user__is_superuser=False,
        ).values_list("pk", "user_id")
    }
