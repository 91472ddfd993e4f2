import re

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def switcher_links(html: str) -> dict[str, str]:
    """``{language: href}`` of the switcher's links."""
    switcher = html[html.index('class="lang-switch"') :]
    switcher = switcher[: switcher.index("</nav>")]
    return dict(re.findall(r'lang="(\w+)" hreflang="\w+" href="([^"]*)"', switcher))


def test_switcher_links_this_page_in_each_language(client):
    article = ArticleFactory(slug="vertrieb")
    for url in ["/artikel/vertrieb/", "/en/artikel/vertrieb/"]:
        html = client.get(url).content.decode()
        assert switcher_links(html) == {
            "de": "/artikel/vertrieb/",
            "en": "/en/artikel/vertrieb/",
        }
        assert article.title in html


def test_both_languages_are_reachable_without_a_cookie(client):
    html = client.get("/en/").content.decode()
    assert switcher_links(html)["de"] == "/"
    response = client.get(switcher_links(html)["de"])
    assert 'lang="de"' in response.content.decode()
    assert not response.cookies  # no language, session or CSRF cookie


def test_reading_pages_without_forms_sets_no_cookie(client):
    article = ArticleFactory()
    for url in ["/", "/en/", article.category.get_absolute_url(), "/archiv/"]:
        assert not client.get(url).cookies, url
