"""Write operations on articles: called by the admin, commands and tests."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles.models import Article, InlinePicture
from pictures.models import Picture
from pictures.references import referenced_ids


@transaction.atomic
def article_publish(*, article: Article, at: datetime | None = None) -> Article:
    """Publish now, or schedule for ``at`` (the article appears by itself then)."""
    article.status = Article.Status.PUBLISHED
    article.publish_at = at or article.publish_at or timezone.now()
    article.save(update_fields=["status", "publish_at", "updated_at"])
    return article


@transaction.atomic
def article_submit_for_review(*, article: Article) -> Article:
    if article.status == Article.Status.DRAFT:
        article.status = Article.Status.REVIEW
        article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    return article


def article_inline_pictures_sync(*, article: Article) -> None:
    """Record which library pictures the body refers to (``InlinePicture``):
    their pages list the use, and they cannot be deleted while it lasts.
    References to pictures that do not exist are left out (the change page
    warns about them)."""
    ids = set(referenced_ids(article.body or ""))
    existing = set(Picture.objects.filter(pk__in=ids).values_list("pk", flat=True))
    recorded = set(article.inline_pictures.values_list("picture_id", flat=True))
    article.inline_pictures.exclude(picture_id__in=existing).delete()
    InlinePicture.objects.bulk_create(
        [InlinePicture(article=article, picture_id=pk) for pk in existing - recorded],
        ignore_conflicts=True,  # a concurrent save of the same article
    )


def sync_inline_pictures_on_save(
    sender, instance, update_fields=None, raw=False, **kwargs
):
    """``post_save`` receiver for ``Article``. Not for a fixture's raw rows
    (``loaddata``): the fixture brings its own ``InlinePicture`` rows."""
    if raw:
        return
    if update_fields is None or "body" in update_fields:
        article_inline_pictures_sync(article=instance)
