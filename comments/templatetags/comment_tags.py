"""Template tags of the comments app (not ``comments.py``: that name belongs to
django-contrib-comments' ``{% load comments %}``)."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, ngettext

from articles.fragments import content_version
from comments.forms import ArticleCommentForm
from comments.models import ArticleComment, comments_open
from comments.structured_data import article_comment_count

register = template.Library()


def build_tree(comments) -> list[dict]:
    """Nest approved comments (already in thread order) under their parents.

    Our own ten lines instead of ``XtdComment.tree_from_queryset``: that one
    reads every comment's flags, one query per comment. A reply whose parent is
    not approved is left out, so the tree never shows an answer without its
    question."""
    nodes: dict[int, dict] = {}
    roots: list[dict] = []
    for comment in comments:
        node = {"comment": comment, "children": []}
        if comment.parent_id == comment.pk:
            roots.append(node)
        elif comment.parent_id in nodes:
            nodes[comment.parent_id]["children"].append(node)
        else:
            continue
        nodes[comment.pk] = node
    return roots


@register.inclusion_tag("comments/article_comments.html", takes_context=True)
def article_comments(context, article):
    """The comment section under an article: one query for the whole tree.

    The rendered thread is a cached fragment (``articles.fragments``; every
    comment save bumps the content version, see ``CommentsConfig.ready``), so
    the tree is built lazily: only when the fragment is not in the cache. The
    form is rendered on every request (its CSRF token and anti-spam timestamp
    are per visitor)."""
    request = context.get("request")
    is_open = comments_open(article)
    return {
        "request": request,
        "user": context.get("user"),
        "article": article,
        "tree": SimpleLazyObject(
            lambda: build_tree(ArticleComment.objects.of_article(article).approved())
        ),
        "comment_count": article_comment_count(article),
        "comments_open": is_open,
        "form": ArticleCommentForm(article) if is_open else None,
        "privacy_url": settings.PRIVACY_URL,
        "max_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
        "cache_fields": True,
        "content_version": content_version(request),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "LANGUAGE_CODE": get_language(),
    }


@register.filter
def comment_count_label(count) -> str:
    """„1 Kommentar“, „2.574 Kommentare“ (grouped as the active locale does)."""
    count = count or 0
    return ngettext("%(count)s comment", "%(count)s comments", count) % {
        "count": number_format(count, force_grouping=True)
    }


@register.simple_tag
def site_link(site, path: str) -> str:
    """Absolute link for mails: scheme from settings, domain from the Site."""
    return f"{settings.SITE_SCHEME}://{site.domain}{path}"
