"""Cached HTML fragments of the public pages, and the version that keys them.

The expensive parts of a page — an article's body, bio boxes and related
articles, its comment thread, the teaser lists — are rendered once and kept in
the cache (``{% cache %}`` in the templates) under a key that holds
``content_version``. What changes per request or per second is never inside a
cached fragment: the view count, the rating, forms with their CSRF tokens, the
visitor's messages.

``content_version`` is made of two parts, read with one small query:

* ``ContentVersion.number``, which ``bump_content_version`` raises in the same
  transaction as any save or delete of what the public pages show (articles,
  bylines, tags, categories, authors; the comments app connects its models too);
* the publication time of the newest published article, so that a scheduled
  article appears on every list the moment its time comes, although nothing was
  saved then;
* today's date, so that a picture whose usage rights have ended disappears
  from every cached fragment at midnight.

Because both live in the database, a change is seen at once by every worker and
every host, with the per-process memory cache as well as with Redis. Old
fragments are never read again and expire after ``FRAGMENT_CACHE_SECONDS``.
"""

import re

from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from articles.models import Article, ArticleRevision, ContentVersion
from articles.workflow import scheduled_updates_apply
from core import page_store

REQUEST_ATTRIBUTE = "_content_version"


def read_content_version(*, apply_due: bool = True) -> str:
    """The current version, from the database (one query). The same query
    finds scheduled updates of live articles whose time has come
    (``articles.workflow``); they are applied first, so they appear at their
    time without a cron job."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    articles = connection.ops.quote_name(Article._meta.db_table)
    revisions = connection.ops.quote_name(ArticleRevision._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        # One round trip; the subqueries are index lookups on
        # (status, publish_at) and (state, apply_at).
        cursor.execute(
            f"SELECT (SELECT number FROM {table} WHERE id = 1),"
            f" (SELECT MAX(publish_at) FROM {articles}"
            f"  WHERE status = %s AND publish_at <= %s),"
            f" (SELECT COUNT(*) FROM (SELECT 1 FROM {revisions}"
            f"  WHERE state = %s AND apply_at <= %s LIMIT 1) AS due)",
            [
                Article.Status.PUBLISHED,
                now,
                ArticleRevision.State.SCHEDULED,
                now,
            ],
        )
        number, newest, due = cursor.fetchone()
    if due and apply_due:
        scheduled_updates_apply()
        return read_content_version(apply_due=False)
    if newest is None:
        newest = 0
    elif isinstance(newest, str):  # SQLite hands the raw text to a cursor
        newest = re.sub(r"\D", "", newest)
    else:
        newest = int(newest.timestamp() * 1_000_000)
    # The day: pictures whose usage rights ended yesterday leave every cached
    # fragment at midnight, although nothing was saved then.
    return f"{number or 0}-{newest}-{timezone.localdate().toordinal()}"


def content_version(request=None) -> str:
    """The version for this request: read once, then kept on the request, so
    all fragments of one page agree."""
    if request is None:
        return read_content_version()
    if not hasattr(request, REQUEST_ATTRIBUTE):
        setattr(request, REQUEST_ATTRIBUTE, read_content_version())
    return getattr(request, REQUEST_ATTRIBUTE)


def lazy_content_version(request) -> SimpleLazyObject:
    """For the template context: pages without cached fragments never query."""
    return SimpleLazyObject(lambda: content_version(request))


def bump_content_version(**kwargs) -> None:
    """Receiver of ``post_save``/``post_delete``/``m2m_changed``: every cached
    fragment is out of date from the commit of this transaction on."""
    # This worker's stored pages are out of date at once (core.page_store).
    page_store.version_changed()
    updated = ContentVersion.objects.filter(pk=1).update(number=F("number") + 1)
    if not updated:  # a database flushed by a test, or a hand-made one
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
