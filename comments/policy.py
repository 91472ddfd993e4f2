"""The spam rules, as plain functions over the submitted values.

*Held* (awaiting a moderator whatever the trust rule): more than
``COMMENTS_MAX_LINKS`` links, or a word from the admin's blocklist.
*Spam* (stored as spam, never in the queue, no confirmation mail): the honeypot
filled, or the form sent sooner than ``COMMENTS_MIN_SUBMIT_SECONDS`` after it was
rendered (its signed timestamp tells when).
"""

import re
import time

from django.conf import settings

from comments.models import ArticleComment, BlockedWord

LINK_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
Reason = ArticleComment.Reason


def count_links(text: str) -> int:
    return len(LINK_RE.findall(text))


def hold_reasons(*, name: str, email: str, url: str, text: str) -> list[str]:
    reasons = []
    if count_links(text) > settings.COMMENTS_MAX_LINKS:
        reasons.append(Reason.LINKS)
    haystack = "\n".join([name, email, url, text]).lower()
    words = BlockedWord.objects.values_list("word", flat=True)
    if any(word and word in haystack for word in words):
        reasons.append(Reason.BLOCKLIST)
    return [str(reason) for reason in reasons]


def spam_reasons(*, honeypot_filled: bool, rendered_at: int | None) -> list[str]:
    reasons = []
    if honeypot_filled:
        reasons.append(str(Reason.HONEYPOT))
    minimum = settings.COMMENTS_MIN_SUBMIT_SECONDS
    if rendered_at is not None and time.time() - rendered_at < minimum:
        reasons.append(str(Reason.TOO_FAST))
    return reasons
