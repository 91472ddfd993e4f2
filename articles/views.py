import time
from functools import cache, partial

from django.core.cache import cache as django_cache
from django.db.models import Exists, Max, Min, OuterRef
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from articles import hooks, page_shells
from articles.counts import CachedCountPaginator
from articles.fragments import content_version
from articles.models import (
    Article,
    ArticleQuerySet,
    Category,
    Tag,
    TaggedArticle,
    authors_with_published_articles,
)
from articles.newsroom.preview_links import shared_article
from articles.signals import article_viewed
from authors.models import Author
from core import http_cache, page_store
from core.visitors import same_origin

PAGE_SIZE = 12


class ArticleListView(ListView):
    """Newest published articles: the home page, and the base of the other lists.

    The teasers are a cached fragment (``articles.fragments``): the page's
    articles are read only when the fragment has to be rendered, and the count
    for the pagination comes from the cache (``articles.counts``).
    """

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    count_key = "home"

    def get_queryset(self):
        """The list's articles, filtered only: enough for the count. What the
        teasers show is joined in ``teasers``, when the cached fragment has to be
        rendered (building the annotated query alone costs milliseconds)."""
        return Article.objects.published()

    def teasers(self, queryset, page) -> list[Article]:
        if not page.paginator.count:
            return []
        return page_articles(queryset, page.start_index() - 1, page.end_index())

    def cache_tags(self) -> list[str]:
        return ["home"]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if http_cache.is_shared(request):
            http_cache.tag(
                request, *self.cache_tags(), max_age=seconds_until_publication(request)
            )
        return response

    def get_paginator(self, queryset, *args, **kwargs):
        return CachedCountPaginator(
            queryset,
            *args,
            count_key=self.count_key,
            version=content_version(self.request),
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        page.object_list = SimpleLazyObject(
            partial(self.teasers, self.object_list, page)
        )
        context["object_list"] = context["article_list"] = page.object_list
        return context


def seconds_until_publication(request) -> int | None:
    """Seconds until the next scheduled article appears on the lists (``None``:
    none is scheduled): a shared cache must not keep a list past it. Read once
    per content version (``articles.fragments``)."""
    version = content_version(request)
    key = f"next-publication:{version}"
    next_at = django_cache.get(key)
    if next_at is None:
        found = Article.objects.filter(
            status=Article.Status.PUBLISHED, publish_at__gt=timezone.now()
        ).aggregate(next_at=Min("publish_at"))["next_at"]
        next_at = found.timestamp() if found else 0
        django_cache.set(key, next_at, 3600)
    if not next_at:
        return None
    return max(0, int(next_at - timezone.now().timestamp()))


def page_articles(queryset: ArticleQuerySet, start: int, stop: int) -> list[Article]:
    """The teasers of one list page, ids first: the page's ids come from a
    narrow query that the database answers from its indexes (the filter and
    the order, nothing else), and only those rows are read with what the
    teasers show, in one query (the ids are its subquery).

    Sorting the whole joined rows instead (body, picture, the feature apps'
    subqueries) made SQLite carry every matching article through a temporary
    sort: 3.5 s for a tag page at 100,000 articles, 84 ms ids first.
    """
    teasers = (
        Article.objects.with_related(join_category=False, tags=False)
        .filter(pk__in=page_ids(queryset, start, stop))
        .order_by("-publish_at", "-pk")
    )
    return with_categories(teasers)


def page_ids(queryset: ArticleQuerySet, start: int, stop: int) -> ArticleQuerySet:
    """The ids of one list page, newest first (what ``page_articles`` reads
    first; tests/discovery/test_query_plans.py checks its plans)."""
    return queryset.order_by("-publish_at", "-pk").values("pk")[start:stop]


# Tags with fewer articles are always listed by the join (``TagView.teasers``).
COMMON_TAG_ARTICLES = 1000


def highest_article_id() -> int:
    """How many articles were ever created, near enough to plan a query by
    (one read of the primary key's end)."""
    return Article.objects.aggregate(highest=Max("pk"))["highest"] or 0


def with_categories(articles) -> list[Article]:
    """The teasers' categories come from one query over the (few) categories
    instead of a join; see ``ArticleQuerySet.with_related``."""
    articles = list(articles)
    by_pk = {category.pk: category for category in Category.objects.all()}
    for article in articles:
        article.category = by_pk[article.category_id]
    return articles


class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        self.count_key = f"category:{self.category.pk}"
        return super().get_queryset().filter(category=self.category)

    def cache_tags(self) -> list[str]:
        return [f"category-{self.category.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        self.count_key = f"tag:{self.tag.pk}"
        return super().get_queryset().filter(tags=self.tag)

    def teasers(self, queryset, page) -> list[Article]:
        """A common tag's page is found by walking the publication-time index
        back and asking of each article whether it has the tag, which stops at
        the page's last teaser; the join reads and sorts all the tag's rows
        (SQLite, without statistics of how common a tag is, always takes it:
        104 ms for a tag of 36,606 articles at 100,000, 1.2 ms walking). A rare
        tag's few rows are quicker to sort than a walk through the articles
        without it, so the walk is taken only where it is expected shorter."""
        count, stop = page.paginator.count, page.end_index()
        common = count >= COMMON_TAG_ARTICLES  # else sorting its rows is cheap
        if common and stop * highest_article_id() / count < count:
            has_tag = TaggedArticle.objects.filter(
                content_object=OuterRef("pk"), tag=self.tag
            )
            queryset = Article.objects.published().filter(Exists(has_tag))
        return super().teasers(queryset, page)

    def cache_tags(self) -> list[str]:
        return [f"tag-{self.tag.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(ArticleListView):
    """An author's profile with their published articles, newest first."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        self.count_key = f"author:{self.author.pk}"
        return super().get_queryset().by_author(self.author)

    def cache_tags(self) -> list[str]:
        return [f"author-{self.author.pk}"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class AuthorListView(ListView):
    template_name = "authors/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return authors_with_published_articles()


@cache
def _detail_queryset() -> ArticleQuerySet:
    return Article.objects.with_related(tags=False, bylines=False)


def detail_queryset() -> ArticleQuerySet:
    """What the article page shows, built once per process and copied for each
    request (building the feature apps' joins and subqueries from scratch cost
    more than the query itself). Never evaluated itself: ``all()`` copies."""
    return _detail_queryset().all()


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # The public sees published articles; staff may preview what they may edit.
        # Tags are shown only inside cached fragments (articles.fragments): they
        # are read when a fragment is rendered, not prefetched on every request.
        return detail_queryset().visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        # Read the content version (the page needs it anyway) before the
        # article: a scheduled update whose time has come is applied by it.
        content_version(request)
        self.object = self.get_object()
        response = self.page_response(request)
        if self.object.is_published:
            http_cache.tag(request, f"article-{self.object.pk}")
        if request.method == "GET" and self.object.is_published:
            # The counters app listens and decides whether this was a view;
            # the note makes a stored copy of the page announce it too.
            article_viewed.send(sender=Article, article=self.object, request=request)
            page_store.note(request, STORED_VIEW_NOTE, self.object.pk)
        return response

    def page_response(self, request) -> HttpResponse:
        """The page, rendered now: from the cached shell for readers
        (``articles.page_shells``), the ordinary way for everyone else."""
        if not page_shells.applies(request, self.object):
            response = self.render_to_response(
                self.get_context_data(object=self.object)
            )
            return response.render()

        def render_shell() -> str:
            context = self.get_context_data(object=self.object, shell=True)
            return render_to_string(self.get_template_names(), context, request)

        return HttpResponse(page_shells.page(request, self.object, render_shell))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        return context


STORED_VIEW_NOTE = "viewed_article"


def stored_page_shown(request, notes: dict) -> None:
    """A reader got a stored copy of an article page (``core.page_store``,
    registered in ``articles.apps``): announced like a rendered one, with the
    article's number (nothing else is read for it)."""
    pk = notes.get(STORED_VIEW_NOTE)
    if pk is not None:
        article_viewed.send(sender=Article, article=Article(pk=pk), request=request)


# How long the live request may reuse an article as read with its summaries
# (view total, rating, comment settings): building and compiling that query
# cost most of the request's time. Each request still counts its own view.
LIVE_ARTICLE_SECONDS = 1
LIVE_ARTICLES_KEPT = 1000

# The articles as this worker's live requests last read them: pk → (when,
# article or None). In the worker's memory rather than the cache: a shared
# cache would cost a round trip and unpickling the article on every request,
# to save a query a second.
_live_articles: dict[int, tuple[float, Article | None]] = {}


def live_article(pk: int) -> Article | None:
    """The published article with what the live parts show, read at most
    once a second per article and worker."""
    now = time.monotonic()
    kept = _live_articles.get(pk)
    if kept is not None and now - kept[0] < LIVE_ARTICLE_SECONDS:
        return kept[1]
    # Applies scheduled updates whose time has come, as the page would
    # (behind the HTTP cache this request is the one that reaches Django),
    # on the same beat as the article's read: at most a second late, and
    # not one query per reader.
    content_version()
    article = detail_queryset().published().filter(pk=pk).first()
    if len(_live_articles) >= LIVE_ARTICLES_KEPT:
        _live_articles.clear()
    _live_articles[pk] = (now, article)
    return article


def live_articles_forget() -> None:
    """Read every article afresh on its next live request (tests)."""
    _live_articles.clear()


# No CSRF token: the page asking is the same for every reader (it carries none),
# and this changes nothing but the view count, under the same rules as a page
# request (bots, prefetch, reloads, staff, the network's cap); other sites'
# pages are refused by the Origin check.
@csrf_exempt
@never_cache
@require_POST
def live(request, pk: int) -> HttpResponse:
    """The page's one live request: counts the view (``VIEW_COUNT_BEACON``)
    and answers what differs per reader or second, as a few hundred bytes of
    JSON (``hooks.live_data``: view count, rating summary, comments open, the
    comment form's security fields) with a CSRF token for the forms."""
    if not same_origin(request):
        return JsonResponse({"error": "cross-site request"}, status=403)
    article = live_article(pk)
    if article is None:
        raise Http404("No published article has this number.")
    data = {"article": article.pk, "csrf_token": get_token(request)}
    data.update(hooks.collect_live_data(article, request))
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def shared_preview(request, token: str) -> HttpResponse:
    """A shareable preview link (``articles.newsroom.preview_links``): the
    article's latest saved state in the real template, for someone without a
    login. Not counted as a view, no rating or comment form, kept out of
    search engines and caches; a link that expired, was revoked or never
    existed is a 404 page that says so."""
    found = shared_article(token)
    if found is None:
        response = render(request, "articles/preview_link_gone.html", status=404)
    else:
        article, link = found
        content_version(request)
        response = render(
            request,
            "articles/article_detail.html",
            {
                "article": article,
                "is_preview": True,
                "shared_preview": link,
                "reader_parts_hidden": True,
            },
        )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    # The token must not travel on in a Referer header to the body's links.
    response["Referrer-Policy"] = "no-referrer"
    return response
