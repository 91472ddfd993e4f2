"""Write operations on articles: called by the admin, commands and tests."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles.models import Article


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
