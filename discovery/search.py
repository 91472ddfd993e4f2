"""Searching published articles: one function, two database backends.

``search_articles(query)`` is the only entry point for readers' searches. Both
databases read the same query language (``articles.german.parse_query``):
every word must occur, stemmed the German way („Vertriebs“ finds
„Vertrieb“, „Über“ finds „über“); the last word also finds longer words
(„Mittelst“); quoted words are a phrase; a minus excludes a word or phrase;
German stop words are ignored. The results look the same on both:

* **PostgreSQL**: the stored, weighted ``Article.search_vector`` (title A; lead
  and tags B; author names C; body D) with its GIN index, ranked with
  ``ts_rank``.
* **SQLite** (the embedded default): the FTS5 index of stemmed documents
  (``articles.search_index``), ranked with ``bm25`` (title 8, lead and tags 4,
  authors 2, body 1).

On both the excerpts of the shown page are made in Python
(``page_with_excerpts``), with the same stemmer as the index.

However many articles match, a search costs about the same: one query finds
the newest ``MAX_RESULTS + 1`` matches and ranks only those; its ids give the
count („mehr als 1.000 Treffer“ past the limit) and every page, so there is
no separate count. On PostgreSQL the planner walks the publication-time
index and tests each row against the query while matches are common, and
reads the GIN index when they are rare.
"""

import hashlib
from collections.abc import Iterable, Iterator, Sequence

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.cache import cache
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles import german
from articles.models import Article
from articles.search_index import (
    FTS_TABLE,
    SEARCH_CONFIG,
    plain_text,
    uses_full_text,
)

QUERY_MAX_LENGTH = 200
# Matches ranked (and counted) at most: past it the page says „more than“.
MAX_RESULTS = 1000
EXCERPT_WORDS = 30
# How long the ranked ids of a query stay cached (``search_articles(version=)``);
# a new content version makes new keys, so this only bounds the memory.
SEARCH_CACHE_SECONDS = 600
# Markers the database puts around hits; the excerpt is escaped first and the
# markers become <mark> afterwards, so article text can never inject HTML.
_HIT_START = "\u27e6"  # ⟦
_HIT_STOP = "\u27e7"  # ⟧
# bm25 weights of the FTS5 columns title, lead, tags, authors, body.
_BM25_WEIGHTS = "8.0, 4.0, 4.0, 2.0, 1.0"


def search_articles(query: str, *, version: str | None = None) -> "SearchResults":
    """Published articles matching ``query``, best first.

    Returns lazy ``SearchResults``: count it, slice it (a paginator does
    both), iterate it. Articles of a slice come with their related data and an
    ``excerpt`` (safe HTML). A query without a word to look for matches
    nothing.

    With ``version`` (``articles.fragments.content_version``, as the search
    page passes it) the ranked ids of the query are kept in the cache under
    that version: a popular query is searched once per change of the
    published content, never with stale results (any save or publication
    makes a new version). The articles of a slice are read when it is first
    used (``ShownPage``).
    """
    query = (query or "").strip()[:QUERY_MAX_LENGTH]
    parsed = german.parse_query(query)
    backend = _PostgreSQL if uses_full_text() else _SQLite
    cache_key = None
    if version is not None and not parsed.is_empty:
        digest = hashlib.sha256(repr(parsed).encode()).hexdigest()[:32]
        cache_key = f"search:{version}:{MAX_RESULTS}:{digest}"
    return SearchResults(backend(parsed), parsed, cache_key=cache_key)


class SearchResults:
    """The results of one search, read page by page (what ``Paginator`` needs:
    ``count()`` and slices)."""

    def __init__(
        self, backend, parsed: german.GermanQuery, *, cache_key: str | None = None
    ):
        self._backend = backend
        self._parsed = parsed
        self._cache_key = cache_key
        self._ids: list[int] | None = None

    def with_related(self) -> "SearchResults":
        """For symmetry with querysets: slices always carry related data."""
        return self

    def _ranked(self) -> list[int]:
        """The ids of up to ``MAX_RESULTS + 1`` matches, best first (one more
        tells „more than“): one query, or none when cached."""
        if self._ids is None:
            if self._parsed.is_empty:
                self._ids = []
            elif self._cache_key is None:
                self._ids = self._backend.ranked()
            else:
                self._ids = cache.get(self._cache_key)
                if self._ids is None:
                    self._ids = self._backend.ranked()
                    cache.set(self._cache_key, self._ids, SEARCH_CACHE_SECONDS)
        return self._ids

    def count(self) -> int:
        return min(len(self._ranked()), MAX_RESULTS)

    __len__ = count

    @property
    def more_than_limit(self) -> bool:
        """More matches than are counted and ranked."""
        return len(self._ranked()) > MAX_RESULTS

    @property
    def limit(self) -> int:
        return MAX_RESULTS

    def exists(self) -> bool:
        return self.count() > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start = key.start or 0
        stop = min(MAX_RESULTS if key.stop is None else key.stop, MAX_RESULTS)
        if self._parsed.is_empty or stop <= start:
            return []
        ids = self._ranked()[start:stop]
        return ShownPage(ids, self._parsed) if ids else []

    def __iter__(self) -> Iterator[Article]:
        return iter(self[:MAX_RESULTS])


class ShownPage(Sequence):
    """One page of results, read (``page_with_excerpts``) when first used, not
    when sliced: the search page keeps its rendered results in a cached
    fragment under the content version, like every list page, and a page
    answered from that fragment reads no article at all."""

    def __init__(self, ids: list[int], parsed: german.GermanQuery):
        self._ids = ids
        self._parsed = parsed
        self._articles: list[Article] | None = None

    def _read(self) -> list[Article]:
        if self._articles is None:
            self._articles = page_with_excerpts(self._ids, self._parsed)
        return self._articles

    def __len__(self) -> int:
        return len(self._read())

    def __getitem__(self, index):
        return self._read()[index]


def excerpt_html(raw: str | None) -> SafeString:
    """Escape an excerpt and turn the hit markers into ``<mark>`` elements."""
    text = escape(raw or "")
    return mark_safe(text.replace(_HIT_START, "<mark>").replace(_HIT_STOP, "</mark>"))


def _shown(ids: list[int]):
    """The page's articles with what a result shows (category, byline, date):
    no tags and none of the feature apps' figures, which the result does not
    show and which cost a third of the page (10 results: 24 → 16 ms)."""
    return (
        Article.objects.published()
        .with_related(tags=False, features=False)
        .filter(pk__in=ids)
    )


def _in_order(articles: Iterable[Article], ids: list[int]) -> list[Article]:
    by_id = {article.pk: article for article in articles}
    return [by_id[pk] for pk in ids if pk in by_id]


# PostgreSQL ---------------------------------------------------------------


class _PostgreSQL:
    """One query per search, as on SQLite: the newest ``MAX_RESULTS + 1``
    published matches, ranked with ``ts_rank``."""

    def __init__(self, parsed: german.GermanQuery):
        self.parsed = parsed
        self.tsquery = self._tsquery(parsed)

    @staticmethod
    def _tsquery(parsed: german.GermanQuery) -> SearchQuery | None:
        def plain(text, search_type="plain"):
            return SearchQuery(text, config=SEARCH_CONFIG, search_type=search_type)

        parts = [plain(word) for word in parsed.words]
        parts += [plain(" ".join(phrase), "phrase") for phrase in parsed.phrases]
        if parsed.prefix:
            # A word of letters and digits only: safe inside to_tsquery's syntax.
            parts.append(plain(f"'{parsed.prefix}':*", "raw"))
        parts += [~plain(" ".join(words), "phrase") for words in parsed.excluded]
        if not parts:
            return None
        tsquery = parts[0]
        for part in parts[1:]:
            tsquery &= part
        return tsquery

    def _matching(self):
        return Article.objects.published().filter(search_vector=self.tsquery)

    def ranked(self) -> list[int]:
        """The newest ``MAX_RESULTS + 1`` matches, ranked: one query for the
        count and every page. ``ts_rank`` runs in the outer query, over the
        bounded candidates only (inside, the planner might rank every match
        before the limit)."""
        newest = (
            self._matching()
            .order_by("-publish_at", "-pk")
            .values("pk", "publish_at", "search_vector")[: MAX_RESULTS + 1]
        )
        newest_sql, newest_params = newest.query.sql_with_params()
        rank = SearchRank(
            RawSQL("c.search_vector", (), output_field=SearchVectorField()),
            self.tsquery,
        ).resolve_expression(newest.query)
        compiler = newest.query.get_compiler(connection=connection)
        rank_sql, rank_params = compiler.compile(rank)
        sql = (
            f"SELECT c.pk FROM ({newest_sql}) AS c "
            f"ORDER BY {rank_sql} DESC, c.publish_at DESC, c.pk DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, (*newest_params, *rank_params))
            return [row[0] for row in cursor.fetchall()]


# SQLite ---------------------------------------------------------------------


def _fts_phrase(words: list[str]) -> str:
    """Stemmed words as one FTS5 string (a phrase when several); stems are
    letters and digits only, the quotes are for FTS5's syntax."""
    return '"' + " ".join(german.stem(word) for word in words) + '"'


def fts5_expression(parsed: german.GermanQuery) -> str:
    """The FTS5 MATCH expression of a parsed query (never a syntax error)."""
    parts = [_fts_phrase([word]) for word in parsed.words]
    parts += [_fts_phrase(phrase) for phrase in parsed.phrases]
    if parsed.prefix:
        parts.append(_fts_phrase([parsed.prefix]) + " *")
    expression = "(" + " AND ".join(parts) + ")"
    for words in parsed.excluded:
        expression += " NOT " + _fts_phrase(words)
    return expression


class _SQLite:
    """One FTS5 query per search: the newest ``MAX_RESULTS + 1`` published
    matches (FTS5 walks its index by rowid, the article's id, without
    ranking; each row is checked in the ``article_id_visibility`` index, not
    the article rows), ranked with bm25. Its ids give the count and every page:
    no second query per count or page."""

    # The published check is inside the limit (a join per FTS5 row, in the
    # covering index): the newest 1,001 *published* matches, so drafts and
    # scheduled articles never shrink the count below „mehr als 1.000“.
    _RANKED = (
        "SELECT c.id FROM ("
        f"SELECT f.rowid AS id, bm25({FTS_TABLE}, {_BM25_WEIGHTS}) AS score, "
        "a.publish_at AS publish_at "
        f"FROM {FTS_TABLE} AS f JOIN articles_article AS a ON a.id = f.rowid "
        f"WHERE {FTS_TABLE} MATCH %s AND a.status = %s AND a.publish_at <= %s "
        "ORDER BY f.rowid DESC LIMIT %s"
        ") AS c ORDER BY c.score, c.publish_at DESC, c.id DESC"
    )

    def __init__(self, parsed: german.GermanQuery):
        self.parsed = parsed
        self.expression = fts5_expression(parsed)

    def ranked(self) -> list[int]:
        # The same condition as Article.objects.published().
        params = [
            self.expression,
            Article.Status.PUBLISHED,
            connection.ops.adapt_datetimefield_value(timezone.now()),
            MAX_RESULTS + 1,
        ]
        with connection.cursor() as cursor:
            cursor.execute(self._RANKED, params)
            return [row[0] for row in cursor.fetchall()]


def page_with_excerpts(ids: list[int], parsed: german.GermanQuery) -> list[Article]:
    """The shown page in ranked order, each result with its excerpt. Made in
    Python on both databases: the same excerpts everywhere, and on PostgreSQL
    ``ts_headline`` over the ten bodies took 10 of a search page's 31 ms at
    100,000 articles."""
    page = _in_order(_shown(ids), ids)
    for article in page:
        article.excerpt = excerpt_html(python_excerpt(article, parsed))
    return page


def python_excerpt(article: Article, parsed: german.GermanQuery) -> str:
    """Excerpt with hit markers, made in Python (both databases).

    Around the first hit in lead and body (plain text), at most
    ``EXCERPT_WORDS`` words; every word whose stem the query looks for is
    marked (the words of phrases too).
    """
    wanted = {german.stem(word) for word in parsed.words}
    wanted |= {german.stem(word) for phrase in parsed.phrases for word in phrase}
    prefix = german.stem(parsed.prefix) if parsed.prefix else None

    def is_hit(word: str) -> bool:
        return any(
            (stem := german.stem(part)) in wanted
            or (prefix is not None and stem.startswith(prefix))
            for part in german.words(word)
        )

    text = " ".join(f"{article.lead} {plain_text(article.body)}".split())
    text = text.replace(_HIT_START, "").replace(_HIT_STOP, "")
    words = text.split(" ")
    first = next((i for i, word in enumerate(words) if is_hit(word)), 0)
    start = max(0, first - EXCERPT_WORDS // 3)
    window = [
        f"{_HIT_START}{word}{_HIT_STOP}" if is_hit(word) else word
        for word in words[start : start + EXCERPT_WORDS]
    ]
    prefix_dots = "… " if start > 0 else ""
    suffix = " …" if start + EXCERPT_WORDS < len(words) else ""
    return f"{prefix_dots}{' '.join(window)}{suffix}"
