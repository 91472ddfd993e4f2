"""RSS 2.0 and Atom feeds: all articles, per category, per author, per tag.

Built on ``django.contrib.syndication``. What we add:

* the full text (``content:encoded`` in RSS, ``<content type="html">`` in Atom)
  with every relative link and image address made absolute;
* the featured image (the ``image_large`` rendition) as the enclosure;
* conditional GET: ``Last-Modified`` from one aggregate query, answered with
  304 when the reader's copy is current (see ``feeds_last_modified``);
* the rendered feed cached under the content version (``articles.fragments``).

Absolute URLs use the configured site address (``core.site``), as the
canonical links and JSON-LD of the pages do, never the request's host.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from articles.fragments import content_version
from articles.models import Article, Category, Tag
from authors.models import Author
from core.site import site_url
from pictures import renditions
from pictures.body import pictures_for, references_render

FEED_ITEMS = 20
_URL_ATTRIBUTE = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def absolutize_html(html: str, base_url: str) -> str:
    """Make every ``href``/``src`` in ``html`` absolute against ``base_url``.

    The body is sanitised by nh3 on save, which writes attributes in double
    quotes, so a regular expression over ``attr="…"`` is enough here.
    """

    def replace(match: re.Match) -> str:
        url = match.group("url")
        if url.startswith("#") or ":" in url.split("/", 1)[0]:
            return match.group(0)  # fragment or already with a scheme
        return f'{match.group("attr")}="{urljoin(base_url, url)}"'

    return _URL_ATTRIBUTE.sub(replace, html)


def feeds_last_modified(request=None, *args, **kwargs) -> datetime | None:
    """When any feed last changed, in one index-served query.

    The newest ``updated_at`` of *all* articles (an unpublished article leaves
    the feeds, and its ``updated_at`` changes with it) or the newest publication
    time that has come (a scheduled article enters the feeds without a save).
    One value for every feed: cheaper than per-feed queries, and at worst a
    reader fetches a feed that did not change.

    Two ``ORDER BY … LIMIT 1`` subqueries instead of one ``MAX(…) FILTER (…)``
    aggregate: the aggregate scanned every article (about 1 s at 100,000 on
    SQLite); each subquery reads one entry of an index (``article_updated``,
    ``article_status_publish``). They ride on any one article row so that both
    come back in one query, converted to datetimes by their fields.
    """
    newest_change = Article.objects.order_by("-updated_at").values("updated_at")
    newest_publication = (
        Article.objects.published().order_by("-publish_at").values("publish_at")
    )
    row = (
        Article.objects.order_by()
        .annotate(
            updated=Subquery(newest_change[:1]),
            published=Subquery(newest_publication[:1]),
        )
        .values("updated", "published")
        .first()
    )
    moments = [moment for moment in (row or {}).values() if moment is not None]
    return max(moments) if moments else None


class ArticleRssFeedType(Rss201rev2Feed):
    """RSS 2.0 with the full text in ``content:encoded``."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class ArticleAtomFeedType(Atom1Feed):
    """Atom 1.0 with the full text in ``<content type="html">``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


@dataclass
class FeedScope:
    """What one feed shows; built per request by ``get_object``."""

    request: HttpRequest
    title: str
    description: str
    link: str  # path of the page the feed belongs to
    articles: object  # an ArticleQuerySet
    category: Category | None = None  # set when every article is of one category
    # Join the categories (author and tag feeds: their lists start from the
    # byline or tag rows, where the join costs nothing and saves a query).
    join_category: bool = False

    def absolute(self, url: str) -> str:
        return site_url(url)


class ArticleFeed(Feed):
    """Base feed: the newest published articles of a scope, full text included."""

    feed_type = ArticleRssFeedType
    language = "de"  # the articles are German, also under /en/

    def __call__(self, request, *args, **kwargs):
        # Unknown sections, authors and tags answer 404, never 304.
        self.get_object(request, *args, **kwargs)

        @condition(last_modified_func=feeds_last_modified)
        def view(request, *args, **kwargs):
            # The rendered feed is kept under the content version (it changes
            # with every article, author, tag or category, and when a scheduled
            # article's time comes; see articles.fragments) and its path: the
            # feed's links never depend on the request's host or query.
            path = hashlib.md5(request.path.encode()).hexdigest()
            key = f"feed:{path}:{content_version(request)}"
            cached = cache.get(key)
            if cached is not None:
                content_type, content = cached
                return HttpResponse(content, content_type=content_type)
            response = super(ArticleFeed, self).__call__(request, *args, **kwargs)
            # Syndication sets Last-Modified to the newest item; ours (set by
            # ``condition``) is what If-Modified-Since is compared with.
            del response.headers["Last-Modified"]
            cache.set(
                key,
                (response["Content-Type"], response.content),
                settings.FRAGMENT_CACHE_SECONDS,
            )
            return response

        return view(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> FeedScope:
        """The scope, looked up once per request (``__call__`` needs it early)."""
        if not hasattr(request, "_feed_scope"):
            request._feed_scope = self.get_scope(request, *args, **kwargs)
        return request._feed_scope

    def get_scope(self, request, *args, **kwargs) -> FeedScope:
        return FeedScope(
            request=request,
            title=settings.SITE_NAME,
            description=settings.SITE_TAGLINE,
            link=reverse("articles:home"),
            articles=Article.objects.published(),
        )

    def title(self, scope: FeedScope) -> str:
        return scope.title

    def link(self, scope: FeedScope) -> str:
        return scope.absolute(scope.link)

    def feed_url(self, scope: FeedScope) -> str:
        return scope.absolute(scope.request.path)

    def description(self, scope: FeedScope) -> str:
        return scope.description

    def subtitle(self, scope: FeedScope) -> str:
        return scope.description

    def items(self, scope: FeedScope) -> list[Article]:
        # Ids first, as the list pages (``articles.views.page_articles``): the
        # whole rows with the feature apps' subqueries carried through a sort
        # of every article of a common tag took 1.3 s at 100,000 on SQLite.
        # Without the join, SQLite plans the list of all articles from the
        # category side (see ``with_related``): attach the categories from the
        # scope or from one small query instead.
        newest_ids = scope.articles.order_by("-publish_at", "-pk").values("pk")
        newest = Article.objects.filter(pk__in=newest_ids[:FEED_ITEMS]).order_by(
            "-publish_at", "-pk"
        )
        if scope.join_category:
            articles = list(newest.with_related())
            categories = {a.category_id: a.category for a in articles}
        else:
            articles = list(newest.with_related(join_category=False))
            if scope.category is not None:
                categories = {scope.category.pk: scope.category}
            else:
                categories = Category.objects.in_bulk({a.category_id for a in articles})
        pictures = pictures_for(article.body for article in articles)
        for article in articles:
            article.category = categories[article.category_id]
            # Items have no access to the request: give them their absolute URLs.
            article.feed_link = scope.absolute(article.get_absolute_url())
            body = references_render(article.body, surface="feed", pictures=pictures)
            article.feed_content = absolutize_html(body, article.feed_link)
            article.feed_authors = [
                (author.display_name, scope.absolute(author.get_absolute_url()))
                for author in article.byline_authors
            ]
            article.feed_enclosure = _image_enclosure(article, scope)
        return articles

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead

    def item_link(self, item: Article) -> str:
        return item.feed_link

    def item_guid(self, item: Article) -> str:
        return item.feed_link

    def item_author_name(self, item: Article) -> str | None:
        return ", ".join(name for name, _link in item.feed_authors) or None

    def item_author_link(self, item: Article) -> str | None:
        return item.feed_authors[0][1] if item.feed_authors else None

    # In the site's time zone (with its offset), as German readers expect.
    def item_pubdate(self, item: Article) -> datetime:
        return timezone.localtime(item.publish_at)

    def item_updateddate(self, item: Article) -> datetime:
        return timezone.localtime(item.updated_at)

    def item_categories(self, item: Article) -> list[str]:
        return [item.category.name, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        return [item.feed_enclosure] if item.feed_enclosure else []

    def item_extra_kwargs(self, item: Article) -> dict:
        return {"content_html": item.feed_content}


def _image_enclosure(article: Article, scope: FeedScope) -> Enclosure | None:
    """The large rendition as an enclosure; its length is asked of the storage
    once per rendition and then cached (``renditions.stored_size``: on object
    storage every ``size`` is a request to the store). A first request renders
    the file, as the article page would."""
    picture = article.public_picture
    if picture is None:  # none, or its usage rights have ended
        return None
    rendition = renditions.social_card(picture).file
    try:
        url = rendition.url  # renders the file on first use (JustInTime)
        length = renditions.stored_size(rendition)
    except (OSError, ValueError):  # missing or broken original: no enclosure
        return None
    return Enclosure(scope.absolute(url), str(length), "image/jpeg")


class AtomMixin:
    feed_type = ArticleAtomFeedType


class LatestArticlesFeed(ArticleFeed):
    pass


class LatestArticlesAtomFeed(AtomMixin, LatestArticlesFeed):
    pass


def _scope_of(request, page, *, name: str, **fields) -> FeedScope:
    """The feed of one category, author or tag: its name, its page, its articles."""
    return FeedScope(
        request=request,
        title=f"{name} – {settings.SITE_NAME}",
        link=page.get_absolute_url(),
        **fields,
    )


class CategoryFeed(ArticleFeed):
    def get_scope(self, request, slug: str) -> FeedScope:
        category = get_object_or_404(Category, slug=slug)
        return _scope_of(
            request,
            category,
            name=category.name,
            description=category.description or category.name,
            articles=Article.objects.published().filter(category=category),
            category=category,
        )


class CategoryAtomFeed(AtomMixin, CategoryFeed):
    pass


class AuthorFeed(ArticleFeed):
    def get_scope(self, request, slug: str) -> FeedScope:
        author = get_object_or_404(Author, slug=slug)
        name = author.display_name
        return _scope_of(
            request,
            author,
            name=name,
            description=_("Articles by %(name)s") % {"name": name},
            articles=Article.objects.published().by_author(author),
            join_category=True,
        )


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


class TagFeed(ArticleFeed):
    def get_scope(self, request, slug: str) -> FeedScope:
        tag = get_object_or_404(Tag, slug=slug)
        return _scope_of(
            request,
            tag,
            name=tag.name,
            description=_("Articles tagged “%(name)s”") % {"name": tag.name},
            articles=Article.objects.published().filter(tags=tag),
            join_category=True,
        )


class TagAtomFeed(AtomMixin, TagFeed):
    pass
