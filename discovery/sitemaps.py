"""Sitemaps for search engines (django.contrib.sitemaps) and a Google News sitemap.

``/sitemap.xml`` is a sitemap index: one sitemap per section and per 1,000
entries (``/sitemap-articles.xml?p=2``). A single sitemap holds at most 50,000
URLs, so at 100,000 articles half of them were missing, and rendering 50,000
took 10–12 s. The pages are ranges of ids (``IdRangePaginator``): a page
keeps its articles when new ones are published (they land on the last page),
so crawlers and the cache see old pages unchanged, and reading page 90 costs
what page 1 costs (an OFFSET of 89,000 rows took 2.5 s on SQLite).

Like the feeds, the URLs use the configured site address (``core.site``), not
the request's host nor the Sites framework's domain.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import F, OuterRef, Subquery
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page

from articles.models import (
    Article,
    Category,
    Tag,
    TaggedArticle,
    authors_with_published_articles,
    published_q,
)
from core.site import site_url

NEWS_DAYS = 2
# Entries per sitemap page (as Yoast SEO's sitemaps): about 0.13 ms each to
# build, 120–165 ms a page at 100,000 articles.
SITEMAP_PAGE_SIZE = 1000


class IdRangePaginator:
    """Pages of a queryset by ranges of ids: page n holds the rows with ids
    ``(n-1)·size+1 … n·size``, read by a range of the primary key. Pages
    without a row are left out (``page_numbers``) and are a 404: a sitemap
    without an entry is not valid."""

    def __init__(self, queryset, per_page: int):
        self.queryset = queryset.order_by("pk")
        self.per_page = per_page

    @property
    def page_numbers(self) -> list[int]:
        """The pages with at least one row (one query over the ids)."""
        first_of_page = self.queryset.annotate(
            page=(F("pk") - 1) / self.per_page + 1
        ).values_list("page", flat=True)
        return sorted(set(first_of_page.order_by().distinct()))

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        start = (number - 1) * self.per_page
        rows = list(self.queryset.filter(pk__gt=start, pk__lte=start + self.per_page))
        if not rows:
            raise EmptyPage("That page contains no results")
        return Page(rows, number, self)


class SiteAddressSitemap(Sitemap):
    limit = SITEMAP_PAGE_SIZE

    def __init__(self, request):
        self.request = request

    @property
    def paginator(self) -> IdRangePaginator:
        return IdRangePaginator(self._items(), self.limit)

    @property
    def protocol(self) -> str:
        return settings.SITE_SCHEME

    def get_domain(self, site=None) -> str:
        return settings.SITE_DOMAIN


class ArticleSitemap(SiteAddressSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "updated_at", "publish_at")

    def lastmod(self, article: Article):
        return article.updated_at


class NewsSitemap(ArticleSitemap):
    """Articles of the last two days, for the Google News sitemap template."""

    limit = 1000  # Google News reads at most 1,000 URLs per sitemap

    @property
    def paginator(self):
        return Sitemap.paginator.fget(self)  # newest first, one page

    def items(self):
        since = timezone.now() - timedelta(days=NEWS_DAYS)
        return (
            Article.objects.published()
            .filter(publish_at__gte=since)
            .only("slug", "title", "updated_at", "publish_at")
            .order_by("-publish_at", "-pk")
        )


class CategorySitemap(SiteAddressSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.only("slug").order_by("position", "name")


class TagSitemap(SiteAddressSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        # Per tag, the first published article that carries it (its index
        # stops there). ``pk__in`` the tags of all published articles, or an
        # EXISTS that PostgreSQL turns into a join, read every tag row
        # (270 ms at 100,000 articles); a LIMIT 1 subquery stays per tag.
        first_use = TaggedArticle.objects.filter(
            published_q("content_object__"), tag=OuterRef("pk")
        ).values("pk")[:1]
        return (
            Tag.objects.annotate(first_use=Subquery(first_use))
            .filter(first_use__isnull=False)
            .only("slug")
        )


class AuthorSitemap(SiteAddressSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return authors_with_published_articles().only("slug")


SITEMAPS = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


@cache_page(60 * 15)
@x_robots_tag
def sitemap_index(request):
    """``/sitemap.xml``: the sitemaps of articles (with lastmod), categories,
    tags and authors, one per page of ``SITEMAP_PAGE_SIZE`` entries."""
    entries = []
    for section, sitemap_class in SITEMAPS.items():
        url = site_url(reverse("sitemap-section", kwargs={"section": section}))
        for number in sitemap_class(request).paginator.page_numbers:
            entries.append(
                SitemapIndexItem(url if number == 1 else f"{url}?p={number}")
            )
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
    )


@cache_page(60 * 15)
def sitemap(request, section: str):
    """``/sitemap-<section>.xml?p=<page>``: one page of one section."""
    sitemaps = {name: cls(request) for name, cls in SITEMAPS.items()}
    return sitemap_views.sitemap(request, sitemaps, section=section)


@cache_page(60 * 5)
def news_sitemap(request):
    """``/sitemap-news.xml``: the last two days' articles with ``news:news``."""
    return sitemap_views.sitemap(
        request,
        {"news": NewsSitemap(request)},
        template_name="discovery/sitemap_news.xml",
    )
