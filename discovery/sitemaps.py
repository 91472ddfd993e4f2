"""Sitemaps for search engines (django.contrib.sitemaps) and a Google News sitemap.

Like the feeds, the URLs use the configured site address (``core.site``), not
the request's host nor the Sites framework's domain.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.utils import timezone
from django.views.decorators.cache import cache_page

from articles.models import (
    Article,
    Category,
    Tag,
    TaggedArticle,
    authors_with_published_articles,
)

NEWS_DAYS = 2


class SiteAddressSitemap(Sitemap):
    def __init__(self, request):
        self.request = request

    @property
    def protocol(self) -> str:
        return settings.SITE_SCHEME

    def get_domain(self, site=None) -> str:
        return settings.SITE_DOMAIN


class ArticleSitemap(SiteAddressSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at", "publish_at")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article: Article):
        return article.updated_at


class NewsSitemap(ArticleSitemap):
    """Articles of the last two days, for the Google News sitemap template."""

    limit = 1000  # Google News reads at most 1,000 URLs per sitemap

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
        published = Article.objects.published().values("pk")
        used = TaggedArticle.objects.filter(content_object__in=published)
        return Tag.objects.filter(pk__in=used.values("tag")).only("slug").order_by("pk")


class AuthorSitemap(SiteAddressSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return authors_with_published_articles().only("slug").order_by("pk")


SITEMAPS = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


@cache_page(60 * 15)
def sitemap(request):
    """``/sitemap.xml``: articles (with lastmod), categories, tags, authors."""
    sitemaps = {name: cls(request) for name, cls in SITEMAPS.items()}
    return sitemap_views.sitemap(request, sitemaps)


@cache_page(60 * 5)
def news_sitemap(request):
    """``/sitemap-news.xml``: the last two days' articles with ``news:news``."""
    return sitemap_views.sitemap(
        request,
        {"news": NewsSitemap(request)},
        template_name="discovery/sitemap_news.xml",
    )
