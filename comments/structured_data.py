"""What the comments app adds to every article queryset and to the JSON-LD."""

from comments.models import ArticleComment, approved_count_subquery


def with_comment_data(queryset):
    """The per-article switch (joined) and the approved-comment count (a
    correlated subquery): no extra query, however long the list."""
    return queryset.select_related("comment_settings").annotate(
        comment_count=approved_count_subquery()
    )


def article_comment_count(article) -> int:
    count = getattr(article, "comment_count", None)
    if count is None:
        count = ArticleComment.objects.of_article(article).approved().count()
    return count


def add_comment_count(article, data) -> None:
    data["commentCount"] = article_comment_count(article)
