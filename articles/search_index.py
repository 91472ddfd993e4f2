"""The search index of articles, kept current on both databases.

* PostgreSQL: every article carries a stored, weighted ``tsvector`` (title A;
  lead and tags B; author names C; body D; the ``german`` configuration) with a
  GIN index.
* SQLite: an FTS5 index (``articles_search_fts``, the ``unicode61``
  tokenizer) with external content: its content table is
  ``SearchDocument``, one row per article with its words already stemmed in
  Python (``articles.german``), because SQLite's own tokenizers know no
  German. SQL triggers on that table keep the FTS5 index in step with it
  (migration 0017); this module keeps the documents in step with the articles.

The index includes tag and author names, which change after the article row
is saved (the admin saves tags and the byline inline in ``save_related``). So
it is refreshed by ``search_index_update`` from signal handlers on the
article, its tags (``m2m_changed``), its bylines, and renamed tags and authors;
see ``connect_signals``. A deleted article's document goes with it (cascade,
and the delete trigger). After bulk imports (``bulk_create`` and ``update``
send no signals) call ``search_index_update()`` for all articles, or run
``manage.py rebuild_search_index``.
"""

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import german
from articles.models import Article, Byline, SearchDocument, Tag, TaggedArticle
from authors.models import Author

SEARCH_CONFIG = "german"
FTS_TABLE = "articles_search_fts"
_BATCH = 500
_TAG = re.compile(r"<[^>]+>")


def plain_text(body: str) -> str:
    """The words of a (sanitised, nh3) article body without its markup: what
    the index stores and search excerpts show. A regular expression rather
    than ``strip_tags``, whose HTML parser took a tenth of a search page."""
    return html.unescape(_TAG.sub(" ", body))


def uses_full_text() -> bool:
    """True where the database offers real full-text search (PostgreSQL)."""
    return connection.vendor == "postgresql"


def strip_html_expression(expression):
    """The body without its tags, in the database (for the search vector)."""
    return Func(
        expression,
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
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


# The tables the search vector is computed from.
_VECTOR_SOURCES = (Article, TaggedArticle, Tag, Byline, Author)


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
        + SearchVector(
            strip_html_expression(F("body")), weight="D", config=SEARCH_CONFIG
        )
    )


def search_index_update(*, article_ids: Iterable[int] | None = None) -> int:
    """Recompute ``search_vector`` for these articles (all when ``None``).

    One UPDATE statement on PostgreSQL; on SQLite the articles' documents are
    written anew in batches (the triggers update the FTS5 index). Returns the
    number of articles updated.
    """
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
    if not uses_full_text():
        return _documents_update(article_ids)
    articles = Article.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    return articles.update(search_vector=search_vector_expression())


def _documents_update(article_ids: list[int] | None) -> int:
    if article_ids is None:
        article_ids = Article.objects.order_by("pk").values_list("pk", flat=True)
    updated = 0
    for batch in batched(article_ids, _BATCH):
        documents = search_documents(batch)
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["article"],
            update_fields=["title", "lead", "tags", "authors", "body"],
        )
        updated += len(documents)
    return updated


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """``itertools.batched`` of Python 3.12."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch


def search_documents(article_ids: Iterable[int]) -> list[SearchDocument]:
    """The stemmed documents of these articles (those that still exist)."""
    article_ids = list(article_ids)
    tags: dict[int, list[str]] = {}
    for article_id, name in TaggedArticle.objects.filter(
        content_object_id__in=article_ids
    ).values_list("content_object_id", "tag__name"):
        tags.setdefault(article_id, []).append(name)
    authors: dict[int, list[str]] = {}
    for article_id, *names in Byline.objects.filter(
        article_id__in=article_ids
    ).values_list(
        "article_id", "author__honorific", "author__first_name", "author__last_name"
    ):
        authors.setdefault(article_id, []).extend(names)
    # In the order of their numbers: see search_index_rebuild.
    rows = (
        Article.objects.filter(pk__in=article_ids)
        .order_by("pk")
        .values_list("pk", "title", "lead", "body")
    )
    return [
        SearchDocument(
            article_id=pk,
            title=german.stems(title),
            lead=german.stems(lead),
            tags=german.stems(" ".join(tags.get(pk, []))),
            authors=german.stems(" ".join(authors.get(pk, []))),
            body=german.stems(plain_text(body)),
        )
        for pk, title, lead, body in rows
    ]


def search_index_rebuild() -> int:
    """Every article's index entry anew, for bulk loads (``bench_data``,
    ``rebuild_search_index``). PostgreSQL: the GIN index (migration 0004) is
    dropped, the vectors written, the index built again — one build instead of
    100,000 index updates. SQLite: all documents written again, the FTS5 index
    rebuilt from them and its segments merged (fewer, larger segments make
    queries faster).

    The documents are written afresh in the order of the articles' numbers:
    FTS5's rebuild reads them in the table's storage order, and each document
    whose number is lower than the one before makes it write out what it has
    gathered as a segment of its own. In the order the articles happened to
    come (99 % out of order at 100,000), the rebuild took 740 s; in order, 11 s.
    """
    if not uses_full_text():
        with transaction.atomic(), _fts_triggers_paused(), _large_page_cache():
            SearchDocument.objects.all().delete()
            updated = _documents_update(None)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')"
                )
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('optimize')"
                )
        return updated
    with connection.cursor() as cursor:
        # Pending foreign-key checks of bulk inserts in the same transaction
        # would forbid building the index: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # Statistics first: right after a bulk load the planner takes the tag
        # and byline tables for empty and may scan them once per article for
        # the vector's subqueries.
        tables = [model._meta.db_table for model in _VECTOR_SOURCES]
        cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
        cursor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
        updated = search_index_update()
        cursor.execute(
            "CREATE INDEX article_search_vector_gin "
            "ON articles_article USING gin (search_vector)"
        )
    return updated


@contextmanager
def _fts_triggers_paused() -> Iterator[None]:
    """Without the triggers that keep the FTS5 index in step row by row
    (migration 0017), for a bulk write that rebuilds the index afterwards
    anyway: each row's trigger made FTS5 delete and insert its terms one
    document at a time, which grew faster than the table (10,000 articles:
    50 s; 100,000: about an hour). Inside the caller's transaction, so no
    other connection ever writes while they are missing; they are created
    again from their own stored SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'trigger' AND tbl_name = %s",
            [SearchDocument._meta.db_table],
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        for _name, sql in triggers:
            cursor.execute(sql)


# Page cache of the connection while FTS5 rebuilds its index (KiB): with
# SQLite's default of 2 MB the rebuild's merges read the same pages from the
# file again and again (10,000 articles: 29 s; with 256 MB: 3.6 s).
_REBUILD_CACHE_KIB = 256 * 1024


@contextmanager
def _large_page_cache() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{_REBUILD_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


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


# Keeping the vector current ------------------------------------------------


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index_update(article_ids=[instance.pk])


def _article_deleted(sender, instance, **kwargs):
    # The cascade deleted the document, but the bylines' delete signals of the
    # same cascade may have written it again: it goes with the article row.
    SearchDocument.objects.filter(article_id=instance.pk).delete()


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


# A renamed tag or author used by more articles than this is re-indexed by a
# job (``core.jobs``), not in the request that renamed it.
BULK_REINDEX_IN_JOB = 200


def _renamed(kind: str, pk: int) -> None:
    """Re-index the articles of a renamed tag or author (``kind`` "tag" or
    "author"): at once when they are few, by a job when many."""
    article_ids = _articles_of(kind, pk)
    if _deferred.get() is not None or not article_ids[BULK_REINDEX_IN_JOB:].exists():
        search_index_update(article_ids=article_ids)
        return
    from core.jobs import job_enqueue

    job_enqueue("articles.search_index.search_index_job", kind, pk)


def _articles_of(kind: str, pk: int):
    if kind == "tag":
        rows = TaggedArticle.objects.filter(tag_id=pk).values_list(
            "content_object_id", flat=True
        )
    else:
        rows = Byline.objects.filter(author_id=pk).values_list("article_id", flat=True)
    return rows.order_by()


def search_index_job(kind: str, pk: int) -> int:
    """The job of a bulk re-index: the articles of the tag or author as they
    are when it runs (a later rename is included; safe to run twice: it
    recomputes their entries). Returns the number re-indexed."""
    return search_index_update(article_ids=_articles_of(kind, pk))


def _tag_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        _renamed("tag", instance.pk)


def _author_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        _renamed("author", instance.pk)


def connect_signals() -> None:
    """Called from ``ArticlesConfig.ready()``."""
    uid = "articles.search_index"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=f"{uid}.article")
    post_delete.connect(
        _article_deleted, sender=Article, dispatch_uid=f"{uid}.article-delete"
    )
    m2m_changed.connect(_tags_changed, sender=TaggedArticle, dispatch_uid=f"{uid}.tags")
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline")
    post_delete.connect(
        _byline_changed, sender=Byline, dispatch_uid=f"{uid}.byline-delete"
    )
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid=f"{uid}.tag")
    post_save.connect(_author_saved, sender=Author, dispatch_uid=f"{uid}.author")
