from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from articles.models import Article
from tests.articles.bulk import bulk_articles
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


BASE = "http://localhost:8000"


def urls_of(response) -> dict[str, ElementTree.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)
    }


def sitemaps_of(client) -> list[str]:
    """The sitemaps the index at /sitemap.xml lists, as paths."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    locations = [item.findtext("s:loc", namespaces=NS) for item in root]
    assert all(location.startswith(BASE) for location in locations), locations
    return [location.removeprefix(BASE) for location in locations]


def all_urls(client) -> dict[str, ElementTree.Element]:
    urls = {}
    for path in sitemaps_of(client):
        page = urls_of(client.get(path))
        assert page, f"{path} lists nothing"
        assert not page.keys() & urls.keys(), "an entry on two pages"
        urls |= page
    return urls


@pytest.fixture
def small_pages(monkeypatch):
    from discovery.sitemaps import SiteAddressSitemap

    monkeypatch.setattr(SiteAddressSitemap, "limit", 2)


def test_sitemap_lists_articles_categories_tags_and_authors(client):
    author = AuthorFactory(slug="anna")
    silent = AuthorFactory(slug="ohne-artikel")
    category = CategoryFactory(slug="vertrieb")
    article = ArticleFactory(
        slug="vertrieb-3-0", authors=[author], category=category, tags=["CRM"]
    )
    ArticleFactory(slug="entwurf", status=Article.Status.DRAFT, tags=["Geheim"])
    urls = all_urls(client)
    base = BASE
    assert f"{base}/artikel/vertrieb-3-0/" in urls
    assert f"{base}/rubrik/vertrieb/" in urls
    assert f"{base}/schlagwort/crm/" in urls
    assert f"{base}/autoren/anna/" in urls
    assert f"{base}/artikel/entwurf/" not in urls
    assert f"{base}/schlagwort/geheim/" not in urls
    assert f"{base}/autoren/{silent.slug}/" not in urls
    lastmod = urls[f"{base}/artikel/vertrieb-3-0/"].findtext("s:lastmod", namespaces=NS)
    assert lastmod == timezone.localtime(article.updated_at).date().isoformat()


def test_news_sitemap_has_the_last_two_days(client):
    now = timezone.now()
    ArticleFactory(
        slug="heute", title="Heute & morgen", publish_at=now - timedelta(hours=3)
    )
    ArticleFactory(slug="alt", publish_at=now - timedelta(days=3))
    ArticleFactory(slug="geplant", publish_at=now + timedelta(hours=3))
    response = client.get("/sitemap-news.xml")
    urls = urls_of(response)
    assert list(urls) == ["http://localhost:8000/artikel/heute/"]
    news = urls["http://localhost:8000/artikel/heute/"].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Redaktion"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "de"
    assert news.findtext("news:title", namespaces=NS) == "Heute & morgen"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published.startswith(
        timezone.localtime(now - timedelta(hours=3)).date().isoformat()
    )
    assert published[-6:] in {"+01:00", "+02:00"}


def test_robots_txt(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Disallow: /{settings.ADMIN_URL}" in lines
    for prefix in ["", "/en"]:
        assert f"Disallow: {prefix}/artikel/*/drucken/" in lines
        assert f"Disallow: {prefix}/artikel/*/pdf/" in lines
    assert "Sitemap: http://localhost:8000/sitemap.xml" in lines
    assert "Sitemap: http://localhost:8000/sitemap-news.xml" in lines
    # The article pages themselves stay open to crawlers.
    assert "Disallow: /artikel/" not in lines and "Disallow: /" not in lines


def test_sitemap_query_budget_with_1000_articles(client, django_assert_max_num_queries):
    bulk_articles(1000)
    with django_assert_max_num_queries(4):  # one per section
        paths = sitemaps_of(client)
    sections = {path.split("?")[0] for path in paths}
    assert {"/sitemap-articles.xml", "/sitemap-tags.xml"} <= sections
    urls = {}
    for path in paths:  # ids need not start at 1 (PostgreSQL's sequences)
        with django_assert_max_num_queries(2):  # whatever the page
            urls |= urls_of(client.get(path))
    assert len([url for url in urls if "/artikel/" in url]) == 1000
    assert len([url for url in urls if "/schlagwort/" in url]) == 20
    with django_assert_max_num_queries(3):
        assert client.get("/sitemap-news.xml").status_code == 200


def test_sitemap_pages_are_ranges_of_ids_that_keep_their_articles(client, small_pages):
    """Two entries per page (``small_pages``): every published article on one
    page; a range without one is neither listed nor served; a new article
    lands on the last page and leaves the others as they were."""
    published = [ArticleFactory(slug=f"a-{n}") for n in range(3)]
    drafts = [
        ArticleFactory(slug=f"entwurf-{n}", status=Article.Status.DRAFT)
        for n in range(3)  # three ids in a row: one page of two holds only drafts
    ]
    published.append(ArticleFactory(slug="a-3"))

    def page_of(article) -> int:
        return (article.pk - 1) // 2 + 1

    article_pages = [p for p in sitemaps_of(client) if "articles" in p]
    assert len(article_pages) == len({page_of(a) for a in published})
    urls = all_urls(client)
    assert {f"{BASE}/artikel/a-{n}/" for n in range(4)} <= urls.keys()
    assert not any("entwurf" in url for url in urls)
    (drafts_only,) = {page_of(a) for a in drafts} - {page_of(a) for a in published}
    assert client.get(f"/sitemap-articles.xml?p={drafts_only}").status_code == 404
    *older_pages, _last = article_pages
    before = {path: client.get(path).content for path in older_pages}
    from django.core.cache import cache

    cache.clear()
    ArticleFactory(slug="neu")
    assert {path: client.get(path).content for path in older_pages} == before
    assert f"{BASE}/artikel/neu/" in all_urls(client)


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-articles.xml?p=x",
        "/sitemap-articles.xml?p=0",
        "/sitemap-articles.xml?p=999",
        "/sitemap-unbekannt.xml",
    ],
)
def test_sitemap_bad_pages_are_404(client, path):
    ArticleFactory()
    assert client.get(path).status_code == 404


def test_robots_patterns_cover_the_real_print_and_pdf_urls(client):
    import fnmatch

    from django.urls import reverse

    lines = client.get("/robots.txt").content.decode().splitlines()
    patterns = [line.split(": ", 1)[1] for line in lines if line.startswith("Disallow")]
    for name in ["printing:print", "printing:pdf"]:
        url = reverse(name, kwargs={"slug": "vertrieb-3-0"})
        assert any(fnmatch.fnmatch(url, pattern) for pattern in patterns), url
    article_url = reverse("articles:detail", kwargs={"slug": "vertrieb-3-0"})
    assert not any(fnmatch.fnmatch(article_url, pattern) for pattern in patterns)
