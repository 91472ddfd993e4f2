"""Comparing two article snapshots (``articles.revisions.article_snapshot``).

Text fields become a word-level diff (removed words in ``<del>``, added in
``<ins>``); the others are shown side by side. Only fields that differ are
listed.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.revisions import plain_text, publish_time

# (key in the snapshot, label, kind); kinds: "text" is diffed word by word.
FIELDS = [
    ("title", _("title"), "text"),
    ("slug", _("slug"), "value"),
    ("lead", _("lead"), "text"),
    ("body", _("body"), "text"),
    ("category", _("category"), "category"),
    ("tags", _("tags"), "list"),
    ("bylines", _("authors"), "bylines"),
    ("image", _("featured image"), "value"),
    ("image_alt", _("alternative text"), "text"),
    ("image_caption", _("caption"), "text"),
    ("image_credit", _("photographer"), "value"),
    ("image_source", _("image source"), "value"),
    ("status", _("status"), "status"),
    ("publish_at", _("publication time"), "time"),
    ("meta_description", _("meta description"), "text"),
]

# Unchanged stretches longer than this many words are shortened to their ends.
CONTEXT_WORDS = 12
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldChange:
    name: str
    label: str
    diff: SafeString | None  # text fields
    old: str = ""
    new: str = ""


def _shorten(tokens: list[str], *, first: bool, last: bool) -> str:
    words = [index for index, token in enumerate(tokens) if not token.isspace()]
    if len(words) <= 2 * CONTEXT_WORDS:
        return "".join(tokens)
    head = "" if first else "".join(tokens[: words[CONTEXT_WORDS - 1] + 1])
    tail = "" if last else "".join(tokens[words[-CONTEXT_WORDS] :])
    return f"{head} … {tail}".strip()


def words_diff(old: str, new: str) -> SafeString:
    """``old`` → ``new`` word by word, HTML-escaped, with ``<del>``/``<ins>``."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    parts = []
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            parts.append(
                escape(
                    _shorten(
                        before[i1:i2],
                        first=index == 0,
                        last=index == len(opcodes) - 1,
                    )
                )
            )
            continue
        if op in {"delete", "replace"}:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # every part is escaped


def _display(kind: str, value) -> str:
    if kind == "category":
        return (value or {}).get("name", "")
    if kind == "list":
        return ", ".join(value or [])
    if kind == "bylines":
        return ", ".join(entry.get("name", "") for entry in value or [])
    if kind == "status":
        return str(Article.Status(value).label) if value in Article.Status else value
    if kind == "time":
        moment = publish_time({"publish_at": value})
        if moment is None:
            return "–"
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    return value or ""


def _same(kind: str, old, new) -> bool:
    if kind == "category":
        return (old or {}).get("id") == (new or {}).get("id")
    if kind == "bylines":
        return [e.get("id") for e in old or []] == [e.get("id") for e in new or []]
    return (old or "") == (new or "")


def snapshot_compare(old: dict, new: dict) -> list[FieldChange]:
    """What changed from ``old`` to ``new``, in the order of the form."""
    changes = []
    for name, label, kind in FIELDS:
        before, after = old.get(name), new.get(name)
        if _same(kind, before, after):
            continue
        if kind == "text":
            if name == "body":
                before, after = plain_text(before), plain_text(after)
            changes.append(
                FieldChange(name, str(label), words_diff(before or "", after or ""))
            )
        else:
            changes.append(
                FieldChange(
                    name,
                    str(label),
                    None,
                    old=_display(kind, before),
                    new=_display(kind, after),
                )
            )
    return changes
