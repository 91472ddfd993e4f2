"""What the launch audit of the public pages found (issue #21): accessibility,
languages, compression, the favicon, structured data."""

import gzip
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone

from tests.articles.test_views import json_ld_of
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db

SITE = "http://localhost:8000"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


class Elements(HTMLParser):
    """Every element's tag and attributes, with the language it is in."""

    VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict, str]] = []
        self.languages = [""]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang", self.languages[-1])
        self.found.append((tag, attrs, language))
        if tag not in self.VOID:
            self.languages.append(language)

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self.languages) > 1:
            self.languages.pop()


def elements(html: str) -> list[tuple[str, dict, str]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


@pytest.fixture
def article():
    return ArticleFactory(
        slug="vertrieb-3-0",
        title="Vertrieb im Wandel",
        lead="Wie Käufer heute entscheiden.",
        body="<p>Der Außendienst verändert sich.</p>",
        authors=[
            AuthorFactory(honorific="Dr.", first_name="Katharina", last_name="Brückner")
        ],
        category=CategoryFactory(name="Vertrieb"),
        publish_at=timezone.now() - timedelta(days=1),  # comments open
    )


def test_every_aria_describedby_points_at_an_element_of_the_page(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    found = elements(html)
    ids = {attrs["id"] for _tag, attrs, _lang in found if "id" in attrs}
    described = [
        attrs["aria-describedby"]
        for _t, attrs, _l in found
        if "aria-describedby" in attrs
    ]
    assert "id_email_helptext" in " ".join(described)  # the comment form's e-mail
    for value in described:
        for target in value.split():
            assert target in ids, target


def test_english_pages_mark_the_german_content_as_german(client, article):
    html = client.get("/en/artikel/vertrieb-3-0/").content.decode()
    assert '<html lang="en">' in html
    language_of = {}
    for _tag, attrs, language in elements(html):
        for css_class in attrs.get("class", "").split():
            language_of.setdefault(css_class, language)
    assert language_of["article__title"] == "de"
    assert language_of["article__lead"] == "de"
    assert language_of["article__body"] == "de"
    assert language_of["bio-box__name"] == "en"  # the heading is UI, the bio German
    assert language_of["lang-switch"] == "en"
    # German pages need no marks (but the language switcher's own).
    german = client.get("/artikel/vertrieb-3-0/").content.decode()
    marked = [attrs for _tag, attrs, _lang in elements(german) if "lang" in attrs]
    assert [attrs.get("hreflang") for attrs in marked[1:]] == ["de", "en"]


def test_article_pages_offer_no_hreflang_for_a_language_they_do_not_exist_in(
    client, article
):
    for path in ["/artikel/vertrieb-3-0/", "/en/artikel/vertrieb-3-0/"]:
        response = client.get(path)
        html = response.content.decode()
        assert 'rel="alternate" hreflang=' not in html, path
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical == f"{SITE}/artikel/vertrieb-3-0/", path
        assert f'<meta property="og:url" content="{canonical}">' in html
        data = json_ld_of(response)
        assert data["mainEntityOfPage"] == canonical
        assert data["inLanguage"] == "de"


def test_pages_of_the_sites_own_text_keep_their_hreflang_alternates(client, article):
    html = client.get("/en/").content.decode()
    assert f'hreflang="de" href="{SITE}/"' in html
    assert f'hreflang="en" href="{SITE}/en/"' in html


def test_the_article_json_ld_keeps_the_title_out_of_the_name(client, article):
    [author] = json_ld_of(client.get(article.get_absolute_url()))["author"]
    assert author["name"] == "Katharina Brückner"
    assert author["honorificPrefix"] == "Dr."


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/artikel/vertrieb-3-0/",
        "/en/artikel/vertrieb-3-0/",
        "/feed/",
        "/sitemap.xml",
    ],
)
def test_reader_pages_and_feeds_are_sent_compressed(article, path):
    plain = Client().get(path)
    packed = Client().get(path, **GZIP)
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content)
    assert gzip.decompress(packed.content).startswith(plain.content[:40])


def test_the_admin_and_logged_in_pages_are_not_compressed(article, editor):
    """BREACH: where session-bound secrets meet reflected input."""
    staff = Client()
    staff.force_login(editor)
    for path in [
        "/admin/",
        "/admin/articles/article/?q=geheim",
        article.get_absolute_url(),
    ]:
        assert "Content-Encoding" not in staff.get(path, **GZIP), path
    reader = Client()
    reader.force_login(UserFactory(username="leserin"))
    assert "Content-Encoding" not in reader.get(article.get_absolute_url(), **GZIP)


def test_favicon_ico_answers_with_debug_off(client, settings):
    assert settings.DEBUG is False
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    icon = finders.find("favicon.ico")
    with open(icon, "rb") as file:
        assert file.read(4) == b"\x00\x00\x01\x00"  # an ICO file
