"""What comments adds to articles (registered in ``articles.hooks``): the
comment switch and count joined to every article, the comment section under
the article (a cached thread and the form as a live part), the JSON-LD
``commentCount``, and a key part of the cached page shell (comments close with
time, not with a save)."""

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from articles import hooks
from articles.fragments import content_version
from comments.forms import LIVE_FIELDS, ArticleCommentForm
from comments.models import ArticleComment, approved_count_subquery, comments_open
from core.http_cache import is_shared


@hooks.queryset
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


@hooks.json_ld
def add_comment_count(article, data) -> None:
    data["commentCount"] = article_comment_count(article)


@hooks.shell_key
def comments_still_open(article) -> str:
    return str(comments_open(article))


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


@hooks.page_part("article_end")
def comment_section(context) -> str:
    """The comment section under an article: one query for the whole tree.

    The rendered thread is a cached fragment (``articles.fragments``; every
    comment save bumps the content version, see ``CommentsConfig.ready``), so
    the tree is built lazily: only when the fragment is not in the cache. The
    form is a live part, rendered on every request (its CSRF token and
    anti-spam timestamp are per visitor)."""
    article, request = context["article"], context.get("request")
    return hooks.render_in_context(
        context,
        "comments/article_comments.html",
        {
            "request": request,
            "article": article,
            "tree": SimpleLazyObject(
                lambda: build_tree(
                    ArticleComment.objects.of_article(article).approved()
                )
            ),
            "comment_count": article_comment_count(article),
            "comments_open": comments_open(article),
            "max_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
            "shell": context.get("shell"),  # the form is a live part (page_shells)
            "content_version": content_version(request),
            "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
            "LANGUAGE_CODE": get_language(),
        },
    )


@hooks.live_part("comment_form")
def render_comment_form(article, request) -> str:
    """The form's CSRF token and signed timestamp are this request's (on the
    page every reader gets, ``core.http_cache``, the page's script puts them
    in); unbound, its visible fields are a cached fragment."""
    if not comments_open(article):
        return ""
    shared = is_shared(request)
    return render_to_string(
        "comments/_form.html",
        {
            "request": request,
            "user": request.user,
            "article": article,
            "form": ArticleCommentForm(article),
            "csrf_token": "" if shared else get_token(request),
            "live_fields": LIVE_FIELDS if shared else (),
            "privacy_url": settings.PRIVACY_URL,
            "cache_fields": True,
            "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
            "LANGUAGE_CODE": get_language(),
        },
    )


@hooks.live_data
def live_comment_form(article, request) -> dict:
    """The live request's part: whether comments are open, and the form's
    signed fields."""
    if not comments_open(article):
        return {"comments_open": False}
    signed = ArticleCommentForm.security_data_for(article)
    return {
        "comments_open": True,
        "comment_form": {name: str(signed[name]) for name in LIVE_FIELDS},
    }


DASHBOARD_COMMENTS = 10


@hooks.dashboard_block(order=30)
def moderation_block(request) -> str:
    """For moderators: how many comments wait, and the oldest ten with
    approve / reject / spam buttons (``ArticleCommentAdmin.moderate_view``;
    static/js/dashboard.js sends them without leaving the page). Three
    queries: the count, the comments, their articles."""
    if not request.user.has_perm("comments.change_articlecomment"):
        return ""
    held = ArticleComment.objects.for_articles().held()
    oldest = held.order_by("submit_date", "pk").prefetch_related("content_object")
    return render_to_string(
        "comments/_dashboard_block.html",
        {
            "held_count": held.count(),
            "comments": list(oldest[:DASHBOARD_COMMENTS]),
        },
        request=request,
    )
