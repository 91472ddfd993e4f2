"""Absolute URLs and cache keys come from the configured site address, never
from the request's host, port, scheme or query string (issue #21, 2, 13, 14)."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from tests.counters.helpers import BROWSER
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    PictureFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

SITE = "http://localhost:8000"  # DJANGO_SITE_DOMAIN's default; DJANGO_HTTPS off
# Django checks Host against ALLOWED_HOSTS but ignores the port.
HOSTS = ["127.0.0.1:1111", "127.0.0.1:2222", "localhost:3333"]


@pytest.fixture
def article():
    return ArticleFactory(
        slug="vertrieb-3-0",
        category=CategoryFactory(slug="vertrieb"),
        authors=[
            AuthorFactory(
                slug="anna-berger", portrait=PictureFactory(file=image_file("anna.jpg"))
            )
        ],
        picture=PictureFactory(file=image_file(size=(320, 180))),
        tags=["Handel"],
    )


def absolute_urls(text: str) -> set[str]:
    return set(re.findall(r"https?://[^/\"'<>\s]+", text))


@pytest.mark.parametrize(
    "path",
    [
        "/artikel/vertrieb-3-0/",
        "/en/artikel/vertrieb-3-0/",
        "/",
        "/rubrik/vertrieb/",
        "/autoren/anna-berger/",
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/archiv/",
        "/artikel/vertrieb-3-0/drucken/",
    ],
)
def test_every_absolute_url_is_on_the_site_address_whatever_host_and_scheme(
    article, path
):
    for host in HOSTS:
        for secure in (True, False):
            response = Client().get(path, HTTP_HOST=host, secure=secure)
            assert response.status_code == 200, (path, host)
            ours = {
                url
                for url in absolute_urls(response.content.decode())
                if "example" not in url
                and "schema.org" not in url
                and "w3.org" not in url
                and "purl.org" not in url
                and "google.com" not in url
                and "sitemaps.org" not in url
                and "facebook" not in url
                and "x.com" not in url
                and "linkedin" not in url
                and "xing" not in url
            }
            assert ours <= {SITE}, (path, host, secure, ours)
            assert ours or path == "/sitemap-news.xml", path  # no news of 2012


def test_every_sitemap_page_links_only_to_the_site_address(article):
    """The pages the sitemap index lists (their numbers follow the ids, which
    need not start at 1), whatever host and scheme they are asked with."""
    index = Client().get("/sitemap.xml").content.decode()
    pages = [url.removeprefix(SITE) for url in re.findall(r"<loc>([^<]+)</loc>", index)]
    assert len(pages) == 4  # articles, categories, tags, authors
    for path in pages:
        for host in HOSTS:
            for secure in (True, False):
                response = Client().get(path, HTTP_HOST=host, secure=secure)
                assert response.status_code == 200, (path, host)
                urls = absolute_urls(response.content.decode()) - {
                    "http://www.sitemaps.org",  # the XML namespaces
                    "http://www.w3.org",
                }
                assert urls == {SITE}, (path, host, secure, urls)


def test_https_is_the_configured_scheme(article, settings):
    settings.SITE_SCHEME = "https"  # DJANGO_HTTPS=1
    html = Client().get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:url" content="https://localhost:8000/artikel/' in html


def test_a_request_claiming_https_does_not_flip_the_cached_links(article):
    Client().get(article.get_absolute_url(), secure=True)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:url" content="http://localhost:8000/artikel/' in html
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    data = json.loads(scripts[0])
    assert data["mainEntityOfPage"].startswith("http://localhost:8000/")


def test_one_article_shell_serves_every_host_and_port(
    article, django_assert_max_num_queries
):
    Client().get(
        article.get_absolute_url(), HTTP_HOST=HOSTS[0], HTTP_USER_AGENT=BROWSER
    )
    for host in HOSTS[1:]:
        # Warm: the article, the content version and the reader's view window
        # (core.windows, in the database without Redis); nothing rendered again.
        with django_assert_max_num_queries(3):
            response = Client().get(
                article.get_absolute_url(), HTTP_HOST=host, HTTP_USER_AGENT=BROWSER
            )
        assert response.status_code == 200


def test_a_query_string_never_reaches_the_cached_shell(article, client):
    article.save()  # a change: the next request renders the shell
    client.get(article.get_absolute_url() + "?&&&&&&&&")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&&" not in html and "&amp;&amp;" not in html
    # The language switcher's links, built from the path.
    assert 'hreflang="en" href="/en/artikel/vertrieb-3-0/"' in html


def test_one_pdf_is_rendered_whatever_port_the_host_claims(article, settings):
    pytest.importorskip("weasyprint")
    url = "/artikel/vertrieb-3-0/pdf/"
    first = Client().get(url, HTTP_HOST=HOSTS[0])
    assert first.status_code == 200 and first["X-PDF-Cache"] == "miss"
    for host in HOSTS[1:]:
        again = Client().get(url, HTTP_HOST=host)
        assert again["X-PDF-Cache"] == "hit", host
        b"".join(again.streaming_content)
    article_pdfs = Path(settings.MEDIA_ROOT) / "pdf" / str(article.pk)
    assert len(list(article_pdfs.glob("*.pdf"))) == 1
