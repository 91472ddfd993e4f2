"""Import steps for the feature apps, written with each app's own services.

Registered by ``register_installed_steps()`` (called when the importer module
is loaded) only for the apps that are installed, so removing a feature app
removes its step and the importer reports that app's data as skipped.

* ``views`` (counters): WP-PostViews' total becomes the article's starting
  value via ``counters.services.view_total_set`` (an offset, not a fake daily
  row, so "most read this week" stays true). Views counted here since an earlier
  import stay on top of it.

* ``ratings`` (ratings): WP-PostRatings' votes and sum become the imported part
  of the article's ``RatingSummary`` (``ratings.services.ratings_import``); the
  summary is that part plus the votes cast here, so the article shows the same
  count and average at once, ``ratings.services.rating_set`` adds new votes to
  them, and ``ratings_recount`` keeps them. A newer export replaces the
  imported part.
* ``comments`` (comments): the threads from ``features.prepare_comments``,
  written as ``comments.models.ArticleComment`` rows by the comments app's
  ``comments.bulk.comments_insert``: all new comments of a post at once (three
  multi-row INSERTs, in the post's transaction), with the thread fields xtd's
  ``save()`` would have stored, also for new replies to comments imported
  before. Approved → public, pending → held for moderation, spam → spam (as
  ``comments.services.comment_store_spam`` keeps it), trash skipped. No
  ``post_save`` runs for them, so what it would do is done here or on purpose
  not: IP addresses anonymised (``prepare_comments`` and ``comments_insert``),
  moderators never mailed about imported comments (``moderators_notified``),
  nobody subscribed to follow-ups, the content version raised once per post.
  A comment imported before is updated (status, text) through ``save()``, not
  added again; one deleted here since is not brought back, nor are new replies
  to it.

A value that cannot be right (``views`` = "viele") is reported and skipped; the
post itself still goes in.
"""

from django.apps import apps

from articles.wordpress.features import (
    CommentStatus,
    DataError,
    accounts_for,
    prepare_comments,
    rating_totals,
    views_total,
)


def import_views(context) -> None:
    from counters.services import view_total_set

    try:
        total = views_total(context.item)
    except DataError as exc:
        context.report.skipped("views", str(exc), example=str(context.item.wp_id))
        return
    if total is None:
        return
    view_total_set(article_id=context.article.pk, total=total)
    if context.created:
        context.report.created("views")
    else:
        context.report.updated("views")


def import_ratings(context) -> None:
    from ratings.models import RatingSummary
    from ratings.services import ratings_import

    try:
        totals = rating_totals(context.item)
    except DataError as exc:
        context.report.skipped("ratings", str(exc), example=str(context.item.wp_id))
        return
    if totals is None:
        return
    before = RatingSummary.objects.filter(
        article=context.article, imported_count__gt=0
    ).exists()
    ratings_import(article=context.article, count=totals.count, total=totals.total)
    if before:
        context.report.updated("ratings")
    else:
        context.report.created("ratings")


def import_comments(context) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django_comments_xtd.models import max_thread_level_for_content_type

    from articles.fragments import bump_content_version
    from articles.models import Article, WordPressObject
    from comments.bulk import NewComment, comments_insert
    from comments.models import ArticleComment

    item, report = context.item, context.report
    if not item.comments:
        return
    content_type = ContentType.objects.get_for_model(Article)
    prepared, skipped = prepare_comments(
        item.comments, max_level=max_thread_level_for_content_type(content_type)
    )
    for comment, reason in skipped:
        report.skipped("comments", reason, example=str(comment.wp_id))
    known = dict(
        WordPressObject.objects.filter(
            kind=WordPressObject.Kind.COMMENT, wp_id__in=[c.wp_id for c in prepared]
        ).values_list("wp_id", "object_id")
    )
    existing = ArticleComment.objects.in_bulk(known.values()) if known else {}
    new = [data for data in prepared if known.get(data.wp_id) not in existing]
    accounts = accounts_for({data.wp_user_id for data in new})
    rows: list[NewComment] = []
    row_of: dict[int, int] = {}  # WordPress ID → index in rows
    deleted: set[int] = set()
    for data in prepared:
        status = {
            "is_public": data.status == CommentStatus.PUBLIC,
            "is_removed": data.status == CommentStatus.SPAM,
            "is_spam": data.status == CommentStatus.SPAM,
        }
        comment = existing.get(known.get(data.wp_id))
        if comment is not None:
            if any(getattr(comment, f) != v for f, v in status.items()) or (
                comment.comment != data.text
            ):
                for field_name, value in status.items():
                    setattr(comment, field_name, value)
                comment.comment = data.text
                comment.save()
                report.updated("comments")
            else:
                report.unchanged("comments")
            continue
        if data.wp_id in known or data.parent_wp_id in deleted:
            # Deleted here after an earlier import (by a moderator): not brought
            # back, nor are the replies to it.
            deleted.add(data.wp_id)
            report.skipped("comments", "deleted here after an earlier import")
            continue
        row_of[data.wp_id] = len(rows)
        parent = data.parent_wp_id
        rows.append(
            NewComment(
                object_pk=str(context.article.pk),
                user_id=accounts.get(data.wp_user_id),
                user_name=data.name or "Anonym",
                user_email=data.email[:254],
                user_url=data.url[:200],
                comment=data.text,
                submit_date=data.submitted_at or timezone.now(),
                ip_address=data.ip,
                # Never mailed to the moderators: they were moderated on WordPress.
                moderators_notified=True,
                parent=row_of.get(parent),
                parent_pk=None if parent in row_of else known.get(parent),
                **status,
            )
        )
    if not rows:
        return
    # One transaction with the post: if this fails, the post is reported and
    # skipped as a whole, and imported again by the next run.
    ids = comments_insert(rows, content_type=content_type)
    kind = WordPressObject.Kind.COMMENT
    WordPressObject.objects.bulk_create(
        [
            WordPressObject(kind=kind, wp_id=wp_id, object_id=pk)
            for wp_id, pk in zip(row_of, ids, strict=True)
        ]
    )
    for _ in ids:
        report.created("comments")
    # What post_save of each comment would have done (comments.apps): the
    # cached comment threads and counts are out of date.
    bump_content_version()


def register_installed_steps(register) -> None:
    if apps.is_installed("counters"):
        register("views", import_views)
    if apps.is_installed("ratings"):
        register("ratings", import_ratings)
    if apps.is_installed("comments"):
        register("comments", import_comments)
