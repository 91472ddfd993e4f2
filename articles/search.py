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

The stored vector includes tag and author names, which change after the article
row is saved (the admin saves tags and the byline inline in ``save_related``).
So the vector is refreshed by ``search_index_update`` from signal handlers on
the article, its tags (``m2m_changed``), its bylines, and renamed tags and
authors; see ``connect_signals``. After bulk imports (``bulk_create`` and
``update`` send no signals) call ``search_index_update()`` for all articles.
"""

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Byline, Tag, TaggedArticle
from authors.models import Author

QUERY_MAX_LENGTH = 200
SEARCH_CONFIG = "german"
EXCERPT_WORDS = 30
# Markers the database puts around hits; the excerpt is escaped first and the
# markers become <mark> afterwards, so article text can never inject HTML.
_HIT_START = "\u27e6"  # ⟦
_HIT_STOP = "\u27e7"  # ⟧
_SQLITE_MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def uses_full_text() -> bool:
    """True where the database offers real full-text search (PostgreSQL)."""
    return connection.vendor == "postgresql"


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


def _strip_html(expression):
    """The body without its tags, for ``ts_headline`` (a regex in the database)."""
    return Func(
        expression,
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


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
                    _strip_html(F("body")),
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


def _names_subquery(queryset, field: str):
    """All values of ``field`` in ``queryset`` (correlated on the article), joined
    with spaces: ``string_agg`` in one subquery."""
    from django.contrib.postgres.aggregates import StringAgg

    return Coalesce(
        Subquery(
            queryset.order_by()
            .values("grouped")
            .annotate(names=StringAgg(field, delimiter=" "))
            .values("names")[:1]
        ),
        Value(""),
        output_field=TextField(),
    )


def search_vector_expression():
    """The weighted document of an article, as one SQL expression."""
    tags = _names_subquery(
        TaggedArticle.objects.filter(content_object=OuterRef("pk")).annotate(
            grouped=F("content_object")
        ),
        "tag__name",
    )
    authors = _names_subquery(
        Byline.objects.filter(article=OuterRef("pk")).annotate(grouped=F("article")),
        Func(
            F("author__honorific"),
            F("author__first_name"),
            F("author__last_name"),
            function="concat_ws",
            template="%(function)s(' ', %(expressions)s)",
            output_field=TextField(),
        ),
    )
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("lead", weight="B", config=SEARCH_CONFIG)
        + SearchVector(tags, weight="B", config=SEARCH_CONFIG)
        + SearchVector(authors, weight="C", config=SEARCH_CONFIG)
        + SearchVector(_strip_html(F("body")), weight="D", config=SEARCH_CONFIG)
    )


def search_index_update(*, article_ids: Iterable[int] | None = None) -> int:
    """Recompute ``search_vector`` for these articles (all when ``None``).

    One UPDATE statement; a no-op on SQLite, whose fallback reads the columns
    directly. Returns the number of rows updated.
    """
    if not uses_full_text():
        return 0
    if article_ids is not None:
        article_ids = list(article_ids)
        if not article_ids:
            return 0
    pending = _deferred.get()
    if pending is not None:  # inside search_index_deferred(): later, once
        if article_ids is None:
            pending.add(None)  # all of them
        else:
            pending.update(article_ids)
        return 0
    articles = Article.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    return articles.update(search_vector=search_vector_expression())


def search_index_rebuild() -> int:
    """Every article's vector anew, for bulk loads (``bench_data``): the GIN
    index (migration 0004) is dropped, the vectors written, the index built
    again — one build instead of 100,000 index updates. A no-op on SQLite."""
    if not uses_full_text():
        return 0
    with connection.cursor() as cursor:
        # Pending foreign-key checks of bulk inserts in the same transaction
        # would forbid building the index: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
        updated = search_index_update()
        cursor.execute(
            "CREATE INDEX article_search_vector_gin "
            "ON articles_article USING gin (search_vector)"
        )
    return updated


_deferred: ContextVar[set | None] = ContextVar("search_index_deferred", default=None)


@contextmanager
def search_index_deferred() -> Iterator[None]:
    """Collect the refreshes asked for inside the block (by the signal
    receivers below: an article saved, its byline, its tags) and run them as
    one UPDATE at its end. For code that changes one article in several steps,
    such as the WordPress import (one refresh per post instead of one per
    step). Use it inside the transaction of the changes; when the block raises,
    nothing is refreshed (the transaction is rolled back anyway)."""
    if _deferred.get() is not None:  # nested: the outer block refreshes
        yield
        return
    token = _deferred.set(pending := set())
    try:
        yield
    finally:
        _deferred.reset(token)
    if None in pending:
        search_index_update()
    elif pending:
        search_index_update(article_ids=pending)


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


# Keeping the vector current ------------------------------------------------


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index_update(article_ids=[instance.pk])


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        search_index_update(article_ids=[instance.pk])
    elif pk_set:  # tag.article_set.add(...) from the tag's side
        search_index_update(article_ids=pk_set)


def _byline_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index_update(article_ids=[instance.article_id])


def _tag_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        search_index_update(
            article_ids=TaggedArticle.objects.filter(tag=instance).values_list(
                "content_object_id", flat=True
            )
        )


def _author_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        search_index_update(
            article_ids=Byline.objects.filter(author=instance).values_list(
                "article_id", flat=True
            )
        )


def connect_signals() -> None:
    """Called from ``ArticlesConfig.ready()``."""
    uid = "articles.search"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}.article")
    m2m_changed.connect(_tags_changed, sender=TaggedArticle, dispatch_uid=f"{uid}.tags")
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline")
    post_delete.connect(
        _byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline-delete"
    )
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid=f"{uid}.tag")
    post_save.connect(_author_saved, sender=Author, dispatch_uid=f"{uid}.author")
