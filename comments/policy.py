"""The spam rules, as plain functions over the submitted values.

*Held* (awaiting a moderator whatever the trust rule): more than
``COMMENTS_MAX_LINKS`` links, or a word from the admin's blocklist.
*Spam* (stored as spam, never in the queue, no confirmation mail): the honeypot
filled, or the form sent sooner than ``COMMENTS_MIN_SUBMIT_SECONDS`` after it was
rendered (its signed timestamp tells when).

A link is what the page links: the comment templates show the text through
Django's ``urlize``, which links ``https://…``, ``www.…`` and bare domains such
as ``example.com``, so the rule counts the links ``urlize`` makes. The blocklist
compares normalised text (``normalised``): "viagra" with a zero-width space or
a soft hyphen inside, in fullwidth letters or with a dotless i (U+0131) all
match "viagra".
"""

import re
import time
import unicodedata

from django.conf import settings
from django.utils.html import urlize

from comments.models import ArticleComment, BlockedWord

Reason = ArticleComment.Reason
_ANCHOR = re.compile(r"<a\s", re.IGNORECASE)
# Letters that case folding and NFKC leave apart from the Latin ones they
# stand for: the dotless i, and the dot that folding "İ" leaves behind.
_LOOKALIKES = str.maketrans({"\u0131": "i", "\u0307": None})


def count_links(text: str) -> int:
    """How many links the comment shows (as ``urlize`` renders it)."""
    return len(_ANCHOR.findall(urlize(text)))


def normalised(text: str) -> str:
    """``text`` for comparing words: compatibility forms folded (NFKC),
    format characters (zero-width space, soft hyphen…) dropped, case folded,
    whitespace runs as one space."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = text.casefold().translate(_LOOKALIKES)
    return " ".join(text.split())


def hold_reasons(*, name: str, email: str, url: str, text: str) -> list[str]:
    reasons = []
    if count_links(text) > settings.COMMENTS_MAX_LINKS:
        reasons.append(Reason.LINKS)
    haystack = normalised("\n".join([name, email, url, text]))
    words = (
        normalised(word) for word in BlockedWord.objects.values_list("word", flat=True)
    )
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
