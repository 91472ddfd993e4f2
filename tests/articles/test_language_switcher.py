import re

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def switcher_targets(html: str) -> dict[str, str]:
    """``{language: next}`` of the switcher's forms."""
    forms = re.findall(
        r'name="next" type="hidden" value="([^"]*)">\s*'
        r'<button type="submit" name="language" value="(\w+)"',
        html,
    )
    return {language: target for target, language in forms}


def test_switcher_offers_this_page_in_each_language(client):
    article = ArticleFactory(slug="vertrieb")
    html = client.get("/en/artikel/vertrieb/").content.decode()
    assert switcher_targets(html) == {
        "de": "/artikel/vertrieb/",
        "en": "/en/artikel/vertrieb/",
    }
    assert article.title in html


def test_switching_back_from_english_reaches_the_german_page(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/en/").content.decode()
    target = switcher_targets(html)["de"]
    response = client.post(
        "/i18n/setlang/", {"language": "de", "next": target}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert 'lang="de"' in response.content.decode()
