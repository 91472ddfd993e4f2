"""Which cached reader pages (``core.http_cache`` tags) a change of articles,
bylines, tags, categories or authors affects; purged after the commit
(``core.purge``). Connected in ``ArticlesConfig.ready``.

An article's change purges its page and the lists that show it (home, its
category, tags and authors, the archive, the feeds, the sitemaps). A scheduled
article's save purges the lists too: their time to live is capped at the next
publication, which may now be sooner. A category's change purges every page
(the navigation shows the categories); an author's or tag's their pages and
their articles' pages.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from articles.models import Article, Byline, Category, Tag
from authors.models import Author
from core.purge import enabled, tags_purge

LIST_TAGS = ("home", "archive", "feeds", "sitemaps", "authors")


def articles_tags(article_ids, *, category_ids=()) -> set[str]:
    """The tags of these articles' pages and of the lists that show them."""
    article_ids = [pk for pk in article_ids if pk]
    if not article_ids:
        return set()
    tags = {f"article-{pk}" for pk in article_ids} | set(LIST_TAGS)
    categories = set(category_ids) | set(
        Article.objects.filter(pk__in=article_ids).values_list("category_id", flat=True)
    )
    tags |= {f"category-{pk}" for pk in categories if pk}
    tags |= {
        f"tag-{pk}"
        for pk in Tag.objects.filter(
            tagged_articles__content_object_id__in=article_ids
        ).values_list("pk", flat=True)
    }
    tags |= {
        f"author-{pk}"
        for pk in Byline.objects.filter(article_id__in=article_ids).values_list(
            "author_id", flat=True
        )
    }
    return tags


def _shown(status, publish_at) -> bool:
    """Published or scheduled: on (or soon on) the readers' pages."""
    return status == Article.Status.PUBLISHED and publish_at is not None


def remember_before(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    instance._cache_before = None
    if instance.pk and not raw:
        instance._cache_before = (
            Article.objects.filter(pk=instance.pk)
            .values("status", "publish_at", "category_id")
            .first()
        )


def article_saved(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    if raw:
        return
    before = getattr(instance, "_cache_before", None) or {}
    was_shown = bool(before) and _shown(before["status"], before["publish_at"])
    if was_shown or _shown(instance.status, instance.publish_at):
        tags_purge(
            articles_tags(
                [instance.pk],
                category_ids=[before.get("category_id")] if before else [],
            )
        )


def article_deleted(sender, instance, **kwargs):
    if not enabled():
        return
    if _shown(instance.status, instance.publish_at):
        tags = {f"article-{instance.pk}", f"category-{instance.category_id}"}
        tags_purge(tags | set(LIST_TAGS))


def byline_changed(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    if not raw:
        tags = articles_tags([instance.article_id]) | {f"author-{instance.author_id}"}
        tags_purge(tags)


def article_tags_changed(sender, instance, action, pk_set, **kwargs):
    if not enabled():
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Article):
        tags_purge(articles_tags([instance.pk]) | {f"tag-{pk}" for pk in pk_set or ()})


def category_changed(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    if not raw:
        tags_purge(["site"])  # the navigation on every page


def tag_changed(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    if not raw:
        ids = Article.objects.filter(tags=instance).values_list("pk", flat=True)
        tags_purge({f"tag-{instance.pk}"} | {f"article-{pk}" for pk in ids})


def author_changed(sender, instance, raw=False, **kwargs):
    if not enabled():
        return
    if raw:
        return
    ids = Byline.objects.filter(author=instance).values_list("article_id", flat=True)
    tags_purge(articles_tags(list(ids)) | {f"author-{instance.pk}", "authors"})


def connect() -> None:
    uid = "http-cache"
    pre_save.connect(remember_before, sender=Article, dispatch_uid=f"{uid}-before")
    post_save.connect(article_saved, sender=Article, dispatch_uid=f"{uid}-article")
    post_delete.connect(
        article_deleted, sender=Article, dispatch_uid=f"{uid}-article-deleted"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            byline_changed, sender=Byline, dispatch_uid=f"{uid}-byline-{id(signal)}"
        )
        signal.connect(
            category_changed,
            sender=Category,
            dispatch_uid=f"{uid}-category-{id(signal)}",
        )
        signal.connect(tag_changed, sender=Tag, dispatch_uid=f"{uid}-tag-{id(signal)}")
        signal.connect(
            author_changed, sender=Author, dispatch_uid=f"{uid}-author-{id(signal)}"
        )
    m2m_changed.connect(
        article_tags_changed,
        sender=Article.tags.through,
        dispatch_uid=f"{uid}-article-tags",
    )
