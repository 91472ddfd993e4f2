"""Searching published articles: one function, two database backends.

``search_articles(query)`` is the only entry point for readers' searches. It hides
which database runs underneath:

* **PostgreSQL**: full-text search with the ``german`` configuration (stemming:
  „Vertriebs“ finds „Vertrieb“), ``websearch_to_tsquery`` (never a syntax error,
  whatever the visitor types), ranked with ``ts_rank`` over a stored, weighted
  ``Article.search_vector`` (title A; lead and tags B; author names C; body D)
  with a GIN index, and highlighted with ``ts_headline``.
* **SQLite** (the embedded default): a documented, simpler fallback with the
  same interface. Every word of the query must occur (case-insensitively for
  ASCII letters, as SQLite's ``LIKE`` does) in the title, lead, body, a tag or an
  author's name; results are ranked by where the words matched (title 8, tag 4,
  lead 4, author 2, body 1) and then by date. There is no stemming: „Vertrieb“
  finds „Vertriebs“ (substring), but not the other way round.

The stored vector and its upkeep belong to the articles app
(``articles.search_index``).
"""

import re
from collections.abc import Iterable

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Byline, TaggedArticle
from articles.search_index import SEARCH_CONFIG, strip_html_expression, uses_full_text

QUERY_MAX_LENGTH = 200
EXCERPT_WORDS = 30
# Markers the database puts around hits; the excerpt is escaped first and the
# markers become <mark> afterwards, so article text can never inject HTML.
_HIT_START = "\u27e6"  # ⟦
_HIT_STOP = "\u27e7"  # ⟧
_SQLITE_MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def search_articles(query: str):
    """Published articles matching ``query``, best first, each with ``excerpt``.

    Returns a lazy queryset (paginate it, then call ``with_related()`` or
    iterate); every row has ``rank`` and ``excerpt_raw`` annotations, turned into
    safe HTML by ``excerpt_html``. An empty or word-less query matches nothing.
    """
    query = (query or "").strip()[:QUERY_MAX_LENGTH]
    published = Article.objects.published()
    if not _WORD.search(query):
        return published.none()
    if uses_full_text():
        return _search_postgresql(published, query)
    return _search_sqlite(published, query)


def excerpt_html(raw: str | None) -> SafeString:
    """Escape an excerpt and turn the hit markers into ``<mark>`` elements."""
    text = escape(raw or "")
    return mark_safe(text.replace(_HIT_START, "<mark>").replace(_HIT_STOP, "</mark>"))


# PostgreSQL ---------------------------------------------------------------


def _search_postgresql(published, query: str):
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    return (
        published.filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            excerpt_raw=SearchHeadline(
                Func(
                    F("lead"),
                    Value(" "),
                    strip_html_expression(F("body")),
                    function="concat",
                    output_field=TextField(),
                ),
                search_query,
                config=SEARCH_CONFIG,
                start_sel=_HIT_START,
                stop_sel=_HIT_STOP,
                max_words=EXCERPT_WORDS,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-publish_at", "-pk")
    )


# SQLite fallback ------------------------------------------------------------


def _search_sqlite(published, query: str):
    terms = list(dict.fromkeys(_WORD.findall(query.lower())))[:_SQLITE_MAX_TERMS]
    rank = Value(0)
    for term in terms:
        in_tags = Q(
            pk__in=TaggedArticle.objects.filter(tag__name__icontains=term).values(
                "content_object"
            )
        )
        in_authors = Q(
            pk__in=Byline.objects.filter(
                Q(author__first_name__icontains=term)
                | Q(author__last_name__icontains=term)
            ).values("article")
        )
        published = published.filter(
            Q(title__icontains=term)
            | Q(lead__icontains=term)
            | Q(body__icontains=term)
            | in_tags
            | in_authors
        )
        for condition, weight in [
            (Q(title__icontains=term), 8),
            (in_tags, 4),
            (Q(lead__icontains=term), 4),
            (in_authors, 2),
            (Q(body__icontains=term), 1),
        ]:
            rank = rank + Case(
                When(condition, then=Value(weight)),
                default=Value(0),
                output_field=IntegerField(),
            )
    return published.annotate(rank=rank).order_by("-rank", "-publish_at", "-pk")


def python_excerpt(article: Article, query: str) -> str:
    """Excerpt with hit markers, made in Python (the SQLite fallback).

    Around the first hit in lead and body (plain text), at most
    ``EXCERPT_WORDS`` words; every occurrence of a query word is marked.
    """
    # Longest first, so "vertrieb" marks all of "vertriebs" before "trieb" could.
    terms = sorted(set(_WORD.findall(query.lower())), key=len, reverse=True)
    terms = terms[:_SQLITE_MAX_TERMS]
    text = " ".join(f"{article.lead} {strip_tags(article.body)}".split())
    text = text.replace(_HIT_START, "").replace(_HIT_STOP, "")
    words = text.split(" ")
    lowered = [word.lower() for word in words]
    first = next(
        (i for i, word in enumerate(lowered) if any(t in word for t in terms)), 0
    )
    start = max(0, first - EXCERPT_WORDS // 3)
    window = " ".join(words[start : start + EXCERPT_WORDS])
    if terms:
        pattern = re.compile("|".join(re.escape(term) for term in terms), re.I)
        window = pattern.sub(lambda m: f"{_HIT_START}{m.group(0)}{_HIT_STOP}", window)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + EXCERPT_WORDS < len(words) else ""
    return f"{prefix}{window}{suffix}"


def attach_excerpts(articles: Iterable[Article], query: str) -> None:
    """Set ``article.excerpt`` (safe HTML) on each article of a result page."""
    for article in articles:
        raw = getattr(article, "excerpt_raw", None)
        if raw is None:
            raw = python_excerpt(article, query)
        article.excerpt = excerpt_html(raw)
