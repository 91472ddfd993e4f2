import json
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    PictureFactory,
    image_file,
)

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """Collects <title>, <meta>, <link> and JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.json_ld: list[dict] = []
        self._in_title = False
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"
        self._in_json_ld = self._in_json_ld and tag != "script"

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head_of(client, url) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def site(db):
    author = AuthorFactory(
        first_name="Anna",
        last_name="Berger",
        slug="anna-berger",
        honorific="Dr.",
        topics="CRM, Vertrieb",
        portrait=PictureFactory(file=image_file("anna.jpg")),
    )
    category = CategoryFactory(name="Vertrieb", slug="vertrieb", description="Verkauf.")
    article = ArticleFactory(
        title="Vertrieb 3.0",
        slug="vertrieb-3-0",
        lead="Wie der Vertrieb sich ändert.",
        authors=[author],
        category=category,
        tags=["CRM", "Mittelstand"],
        picture=PictureFactory(
            file=image_file(size=(320, 180)), alt_text="Ein Diagramm"
        ),
        publish_at=datetime(2012, 6, 15, 10, 0, tzinfo=UTC),
    )
    return {"article": article, "author": author, "category": category}


def public_pages(site):
    article = site["article"]
    return [
        "/",
        article.get_absolute_url(),
        site["category"].get_absolute_url(),
        article.tags.get(name="CRM").get_absolute_url(),
        site["author"].get_absolute_url(),
        "/autoren/",
        "/archiv/",
        "/archiv/2012/6/",
        "/suche/?q=Vertrieb",
    ]


def test_every_public_page_has_title_description_canonical_and_cards(client, site):
    for url in public_pages(site):
        head = head_of(client, url)
        assert client.get(url).content.decode().count("<h1") == 1, url
        assert head.title.strip(), url
        assert head.meta["description"][0].strip(), url
        canonical = [
            link["href"] for link in head.links if link.get("rel") == "canonical"
        ]
        assert len(canonical) == 1 and canonical[0].startswith(
            "http://localhost:8000/"
        ), url
        for key in ["og:title", "og:description", "og:url", "og:type", "og:site_name"]:
            assert head.meta[key][0].strip(), (url, key)
        assert head.meta["og:url"][0].startswith("http://localhost:8000/"), url
        assert head.meta["twitter:card"][0] in {"summary", "summary_large_image"}, url
        assert head.meta["twitter:title"][0] == head.meta["og:title"][0], url


def test_article_page_preview_tags(client, site):
    head = head_of(client, site["article"].get_absolute_url())
    meta = head.meta
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["Vertrieb 3.0"]
    assert meta["og:description"] == ["Wie der Vertrieb sich ändert."]
    assert meta["og:url"] == ["http://localhost:8000/artikel/vertrieb-3-0/"]
    assert meta["og:image"][0].startswith("http://localhost:8000/media/CACHE/")
    assert meta["og:image:alt"] == ["Ein Diagramm"]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:image"] == meta["og:image"]
    assert meta["article:published_time"] == ["2012-06-15T12:00:00+02:00"]
    assert meta["article:section"] == ["Vertrieb"]
    assert sorted(meta["article:tag"]) == ["CRM", "Mittelstand"]
    assert meta["article:author"] == ["http://localhost:8000/autoren/anna-berger/"]
    assert meta["author"] == ["Dr. Anna Berger"]


def test_article_page_json_ld_has_article_and_breadcrumbs(client, site):
    head = head_of(client, site["article"].get_absolute_url())
    by_type = {data["@type"]: data for data in head.json_ld}
    assert set(by_type) == {"Article", "BreadcrumbList"}
    crumbs = by_type["BreadcrumbList"]
    assert crumbs["@context"] == "https://schema.org"
    items = crumbs["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert [item["name"] for item in items] == [
        "Startseite",
        "Vertrieb",
        "Vertrieb 3.0",
    ]
    assert [item["item"] for item in items] == [
        "http://localhost:8000/",
        "http://localhost:8000/rubrik/vertrieb/",
        "http://localhost:8000/artikel/vertrieb-3-0/",
    ]
    assert all(item["@type"] == "ListItem" for item in items)


def test_author_page_json_ld_is_a_person(client, site):
    [person] = head_of(client, site["author"].get_absolute_url()).json_ld
    assert person["@context"] == "https://schema.org"
    assert person["@type"] == "Person"
    # The title in honorificPrefix, not in the name (#21, launch audit).
    assert (person["honorificPrefix"], person["name"]) == ("Dr.", "Anna Berger")
    assert person["url"] == "http://localhost:8000/autoren/anna-berger/"
    assert person["image"].startswith("http://localhost:8000/media/CACHE/")
    assert person["knowsAbout"] == ["CRM", "Vertrieb"]
    assert "email" not in person


def test_category_page_json_ld_is_a_collection_page(client, site):
    [page] = head_of(client, site["category"].get_absolute_url()).json_ld
    assert page["@context"] == "https://schema.org"
    assert page["@type"] == "CollectionPage"
    assert page["name"] == "Vertrieb"
    assert page["url"] == "http://localhost:8000/rubrik/vertrieb/"
    assert page["isPartOf"]["@type"] == "WebSite"
    [item] = page["mainEntity"]["itemListElement"]
    assert item == {
        "@type": "ListItem",
        "position": 1,
        "url": "http://localhost:8000/artikel/vertrieb-3-0/",
        "name": "Vertrieb 3.0",
    }


def test_preview_text_is_escaped(client):
    ArticleFactory(slug="boese", title='"><script>alert(1)</script>', lead="a & b")
    html = client.get("/artikel/boese/").content.decode()
    assert "<script>alert(1)" not in html
    assert '<meta property="og:description" content="a &amp; b">' in html
