"""German words for the search index: the same analysis at index and query time.

SQLite has no German full-text configuration, so the words are reduced here,
in Python, before they reach its FTS5 index: lower-cased, split into letters
and digits (every script), and stemmed with the Snowball German algorithm,
the one PostgreSQL's ``german`` configuration uses. PyStemmer (the Snowball
project's C binding) is about twenty times faster than the pure-Python
``snowballstemmer``, which matters when 100,000 bodies are indexed at once.

The stemmer also folds the umlauts (ä → a) and ß (→ ss), so „Über“, „über“
and „uber“ meet, as they do on PostgreSQL. The stop words are Snowball's list
as PostgreSQL ships it (``german_stopwords.txt``): they stay in the index, so
that phrases keep their exact words, but a query ignores them, as
PostgreSQL's ``plainto_tsquery`` does.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer

# Letters and digits of any script; "_" separates, as in both databases.
_WORD = re.compile(r"[^\W_]+")
# A quoted phrase (the closing quote may be missing), or a word; "-" before
# either excludes it (websearch syntax, as PostgreSQL's websearch_to_tsquery).
_TOKEN = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\W_]+))')
_STEMMER = Stemmer.Stemmer("german")
STOPWORDS = frozenset(
    (Path(__file__).with_name("german_stopwords.txt")).read_text("utf-8").split()
)
# The last word of a query also finds longer words („Vertri“ → „Vertrieb“);
# shorter prefixes would match half the dictionary.
PREFIX_MIN_LENGTH = 3
MAX_TERMS = 12


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one lower-cased word (cached: texts repeat their words)."""
    return _STEMMER.stemWord(word)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, in order."""
    return _WORD.findall(text.lower())


def stems(text: str) -> str:
    """``text`` as space-separated stems, every word kept in its place."""
    return " ".join(stem(word) for word in words(text))


@dataclass
class GermanQuery:
    """A reader's query, parsed once for both databases.

    ``words``: plain words that must all occur (stop words dropped);
    ``prefix``: the last word typed, which may also begin a longer word;
    ``phrases``: quoted word sequences; ``excluded``: words or phrases after
    a minus. Words keep their spelling; each backend stems them its way.
    """

    words: list[str] = field(default_factory=list)
    prefix: str | None = None
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """Nothing that a document must contain: matches nothing."""
        return not (self.words or self.prefix or self.phrases)


def parse_query(query: str) -> GermanQuery:
    parsed = GermanQuery()
    tokens = list(_TOKEN.finditer(query.lower()))
    terms = 0
    for index, token in enumerate(tokens):
        if terms >= MAX_TERMS:
            break
        excluded = bool(token["minus"])
        if token["phrase"] is not None:
            phrase = words(token["phrase"])
            if not phrase or all(word in STOPWORDS for word in phrase):
                continue
            target = parsed.excluded if excluded else parsed.phrases
            target.append(phrase)
        else:
            word = token["word"]
            if word in STOPWORDS:
                continue
            if excluded:
                parsed.excluded.append([word])
            elif (
                index == len(tokens) - 1
                and len(word) >= PREFIX_MIN_LENGTH
                and not query.endswith((" ", '"'))
            ):
                parsed.prefix = word
            else:
                parsed.words.append(word)
        terms += 1
    return parsed
