"""Many comments at once, without a ``save()`` per comment.

``comments_insert(rows, content_type=…)`` writes ``ArticleComment`` rows into
the three tables of the multi-table inheritance (django-contrib-comments'
``django_comments``, xtd's ``XtdComment``, ours) with one multi-row INSERT each
(per thousand rows), and returns the new ids. It sets xtd's thread fields
(``thread_id``, ``parent_id``, ``level``, ``order``, ``nested_count``) exactly as
``XtdComment.save()`` leaves them when the comments are posted one after the
other in the order of ``rows``: a thread starter is its own parent and thread;
``order`` numbers a thread depth-first, replies after their parent's earlier
replies; ``nested_count`` counts all replies below a comment. A reply to a
comment already stored (``parent_pk``) goes into that thread, whose ``order``
and ``nested_count`` are renumbered the same way.

Used where ``save()`` one by one would take hours: the WordPress import
(``comments.wordpress``) and the benchmark data (``bench_data``).
What the per-save path does on top, the caller accounts for:

* IP addresses are anonymised here, as ``signals.truncate_ip_before_save`` does;
* no ``post_save``: nobody is mailed about held comments (set
  ``moderators_notified`` for rows that must never be mailed about), and the
  cached fragments are not invalidated: call
  ``articles.fragments.bump_content_version()`` once afterwards;
* no follow-up mails, no xtd ``comment_was_posted`` signal.

Call it inside ``transaction.atomic()``: ids are taken from the PostgreSQL
sequence, elsewhere (SQLite, whose transactions here take the write lock at
their start) after the highest id.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max

from core.visitors import anonymize_ip


@dataclass(slots=True)
class NewComment:
    object_pk: str
    user_name: str
    comment: str
    submit_date: datetime
    user_email: str = ""
    user_url: str = ""
    user_id: int | None = None
    ip_address: str | None = None
    is_public: bool = True
    is_removed: bool = False
    is_spam: bool = False
    reasons: str = ""
    moderators_notified: bool = False
    followup: bool = False
    # The comment this one answers: an earlier row of the same call (its index
    # in ``rows``) or a stored comment (its pk); neither: a new thread.
    parent: int | None = None
    parent_pk: int | None = None


# The columns written per table, parents first. A new column (a migration)
# makes ``comments_insert`` stop with a clear message instead of inserting rows
# without it.
COLUMNS = (
    (
        "id",
        "content_type_id",
        "object_pk",
        "site_id",
        "user_id",
        "user_name",
        "user_email",
        "user_url",
        "comment",
        "submit_date",
        "ip_address",
        "is_public",
        "is_removed",
    ),
    (
        "comment_ptr_id",
        "thread_id",
        "parent_id",
        "level",
        "order",
        "followup",
        "nested_count",
    ),
    ("xtdcomment_ptr_id", "is_spam", "reasons", "moderators_notified"),
)


def _tables():
    from comments.models import ArticleComment

    models = [*reversed(ArticleComment._meta.get_parent_list()), ArticleComment]
    for model, columns in zip(models, COLUMNS, strict=True):
        actual = {field.column for field in model._meta.local_concrete_fields}
        if actual != set(columns):
            raise RuntimeError(
                f"comments.bulk does not know the columns of "
                f"{model._meta.db_table}: {sorted(actual ^ set(columns))}. "
                "Update comments.bulk.COLUMNS."
            )
    return models


# Rows per INSERT statement: within the bound-parameter limits of SQLite
# (32,766) and PostgreSQL (65,535) for the widest table (13 columns).
ROWS_PER_STATEMENT = 1000


def _insert(cursor, model, columns, rows) -> None:
    """Multi-row ``INSERT … VALUES (…), (…)``: one round trip per thousand rows
    (``executemany`` costs one per row on some drivers)."""
    quote = connection.ops.quote_name
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(column) for column in columns)}) VALUES "
    )
    placeholder = f"({', '.join(['%s'] * len(columns))})"
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        cursor.execute(
            head + ", ".join([placeholder] * len(chunk)),
            [value for row in chunk for value in row],
        )


def _take_ids(base_model, count: int) -> list[int]:
    table = base_model._meta.db_table
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
                "FROM generate_series(1, %s)",
                [table, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
    first = (base_model._base_manager.aggregate(last=Max("pk"))["last"] or 0) + 1
    return list(range(first, first + count))


def _renumber(thread_ids, stored, new) -> list[tuple[int, int, int]]:
    """``order`` and ``nested_count`` of whole threads, from ``(pk, parent_id,
    thread_id)`` of their comments: depth-first, children by pk (the order
    they were posted in). Returns ``(order, nested_count, pk)`` per comment."""
    comments = [*stored, *new]
    children: dict[int, list[int]] = {}
    for pk, parent_id, _thread in sorted(comments):
        if pk != parent_id:
            children.setdefault(parent_id, []).append(pk)
    result = []
    for root in sorted(thread_ids):
        order, stack, visited = 0, [root], []
        while stack:
            pk = stack.pop()
            order += 1
            visited.append((pk, order))
            stack.extend(reversed(children.get(pk, [])))
        nested: dict[int, int] = {}
        for pk, _order in reversed(visited):  # replies come after their parents
            nested[pk] = sum(nested[child] + 1 for child in children.get(pk, []))
        result += [(order, nested[pk], pk) for pk, order in visited]
    return result


def comments_insert(
    rows: Sequence[NewComment], *, content_type, site_id: int | None = None
) -> list[int]:
    """Insert ``rows`` (replies after the comments they answer) as comments on
    objects of ``content_type``; returns their ids, in the order of ``rows``.
    Raises ``ValueError`` for a reply deeper than xtd's maximum thread level
    (``COMMENTS_XTD_MAX_THREAD_LEVEL``) or to a comment that does not exist."""
    from django_comments_xtd.models import max_thread_level_for_content_type

    if not rows:
        return []
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "comments_insert() must run inside transaction.atomic()"
        )
    models = _tables()
    stored_parents = _stored_parents(rows)
    ids = _take_ids(models[0], len(rows))
    places = _places_in_threads(
        rows,
        ids,
        stored_parents,
        max_level=max_thread_level_for_content_type(content_type),
    )
    # Threads that were there before are renumbered with their new replies.
    before, stored = _stored_threads(
        {place.thread for place in stored_parents.values()}
    )
    new = [
        (pk, place.parent_id, place.thread)
        for pk, place in zip(ids, places, strict=True)
    ]
    numbers = _renumber({place.thread for place in places}, stored, new)
    order_of = {pk: (order, nested) for order, nested, pk in numbers}
    site_id = settings.SITE_ID if site_id is None else site_id
    table_rows = _table_rows(rows, ids, places, order_of, content_type, site_id)
    renumbered = [
        (order, nested, pk)
        for order, nested, pk in numbers
        if pk in before and before[pk] != (order, nested)
    ]
    _write(models, table_rows, renumbered)
    return ids


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a comment goes: its thread, the comment it answers (itself for a
    thread starter, as xtd stores it) and its depth."""

    thread: int
    parent_id: int
    level: int


def _stored_parents(rows: Sequence[NewComment]) -> dict[int, _Place]:
    """The stored comments that rows answer, by pk (no query when none)."""
    from django_comments_xtd.models import XtdComment

    answered = {row.parent_pk for row in rows if row.parent_pk is not None}
    if not answered:
        return {}
    return {
        pk: _Place(thread=thread_id, parent_id=pk, level=level)
        for pk, thread_id, level in XtdComment.norel_objects.filter(
            pk__in=answered
        ).values_list("pk", "thread_id", "level")
    }


def _places_in_threads(
    rows: Sequence[NewComment], ids: list[int], stored_parents, *, max_level: int
) -> list[_Place]:
    places: list[_Place] = []
    for index, row in enumerate(rows):
        if row.parent is not None:
            if not 0 <= row.parent < index:
                raise ValueError(f"row {index}: its parent must be an earlier row")
            parent = places[row.parent]
            place = _Place(parent.thread, ids[row.parent], parent.level + 1)
        elif row.parent_pk is not None:
            if row.parent_pk not in stored_parents:
                raise ValueError(f"row {index}: no comment {row.parent_pk} to answer")
            parent = stored_parents[row.parent_pk]
            place = _Place(parent.thread, row.parent_pk, parent.level + 1)
        else:
            place = _Place(ids[index], ids[index], 0)
        if place.level > max_level:
            raise ValueError(
                f"row {index}: level {place.level} is deeper than the maximum "
                f"{max_level}"
            )
        places.append(place)
    return places


def _stored_threads(thread_ids: set[int]):
    """The comments already in these threads: ``{pk: (order, nested_count)}``
    and ``[(pk, parent_id, thread_id)]``."""
    from django_comments_xtd.models import XtdComment

    before, stored = {}, []
    if not thread_ids:
        return before, stored
    for pk, parent_id, thread, order, nested in XtdComment.norel_objects.filter(
        thread_id__in=thread_ids
    ).values_list("pk", "parent_id", "thread_id", "order", "nested_count"):
        before[pk] = (order, nested)
        stored.append((pk, parent_id, thread))
    return before, stored


def _table_rows(rows, ids, places, order_of, content_type, site_id):
    """The rows of the three tables (see ``COLUMNS``), as plain tuples."""
    adapt = connection.ops.adapt_datetimefield_value
    base, xtd, ours = [], [], []
    for row, pk, place in zip(rows, ids, places, strict=True):
        order, nested = order_of[pk]
        ip_address = anonymize_ip(row.ip_address) if row.ip_address else None
        base.append(
            (
                *(pk, content_type.pk, row.object_pk, site_id, row.user_id),
                *(row.user_name, row.user_email, row.user_url, row.comment),
                *(adapt(row.submit_date), ip_address, row.is_public, row.is_removed),
            )
        )
        xtd.append(
            (
                pk,
                place.thread,
                place.parent_id,
                place.level,
                order,
                row.followup,
                nested,
            )
        )
        ours.append((pk, row.is_spam, row.reasons, row.moderators_notified))
    return base, xtd, ours


def _write(models, table_rows, renumbered) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model, columns, rows in zip(models, COLUMNS, table_rows, strict=True):
            _insert(cursor, model, columns, rows)
        if renumbered:
            cursor.executemany(
                f"UPDATE {quote(models[1]._meta.db_table)} "
                f"SET {quote('order')} = %s, {quote('nested_count')} = %s "
                f"WHERE {quote('comment_ptr_id')} = %s",
                renumbered,
            )
