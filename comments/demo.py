"""Demo comments (approved, held and spam) for ``manage.py seed_demo``."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from articles import demo_content
from comments.models import ArticleComment


def add_demo_comments(sender, articles, stdout=None, **kwargs) -> None:
    """Idempotent: a comment is identified by article, e-mail and text."""
    by_slug = {article.slug: article for article in articles}
    content_type = ContentType.objects.get_for_model(next(iter(by_slug.values())))
    created_pks: dict[int, int] = {}
    created = 0
    for index, entry in enumerate(demo_content.COMMENTS):
        article = by_slug.get(entry["article"])
        if article is None or article.publish_at is None:
            continue
        existing = ArticleComment.objects.filter(
            content_type=content_type,
            object_pk=str(article.pk),
            user_email=entry["email"],
            comment=entry["text"],
        ).first()
        if existing is None:
            status = entry["status"]
            parent = entry["reply_to"]
            existing = ArticleComment(
                content_type=content_type,
                object_pk=str(article.pk),
                site_id=settings.SITE_ID,
                user_name=entry["name"],
                user_email=entry["email"],
                user_url=entry["url"],
                comment=entry["text"],
                submit_date=article.publish_at
                + timedelta(days=entry["days_after"], minutes=index * 7 + 30),
                is_public=status == "approved",
                is_removed=status == "spam",
                is_spam=status == "spam",
                reasons="links" if status == "spam" else "",
                parent_id=created_pks.get(parent, 0) if parent is not None else 0,
                moderators_notified=True,  # no mails from seeding
            )
            existing.save()
            created += 1
        created_pks[index] = existing.pk
    if stdout is not None:
        stdout.write(f"Demo comments: {created} created.")
