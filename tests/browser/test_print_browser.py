"""Real-browser tests of the print issue: Debian's Chromium through Playwright.

* The article page, with its share links, makes no request to any host but the
  site's own (the Shariff principle: nothing reaches a network before a click).
* The print view opens the print dialog when reached through the „Drucken“ link,
  and not when reached directly.
"""

from urllib.parse import urlsplit

import pytest

from tests.factories import ArticleFactory, AuthorFactory, PictureFactory, image_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Replaces window.print before any page script runs, and counts the calls.
RECORD_PRINT = """
window.__printCalls = 0;
window.print = function () { window.__printCalls += 1; };
"""


@pytest.fixture
def browser_page(new_page):
    """A page of the shared browser set-up (tests/browser/conftest.py) that
    records ``window.print`` calls and every URL it requests."""
    page = new_page()
    page.add_init_script(RECORD_PRINT)
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    return page


@pytest.fixture
def article(db):
    return ArticleFactory(
        title="Vertrieb & Vertrauen: Übersicht für Käufer",
        slug="vertrieb-und-vertrauen",
        picture=PictureFactory(
            file=image_file("vertrieb.jpg", size=(320, 180)),
            caption="Umsatz im Vergleich",
            photographer="Lene Haverkamp",
        ),
        authors=[AuthorFactory(website="https://example.org/anna")],
        tags=["Vertrieb"],
    )


def test_article_page_requests_nothing_from_other_hosts(
    live_server, article, browser_page
):
    browser_page.goto(live_server.url + article.get_absolute_url())
    browser_page.wait_for_load_state("networkidle")

    share = browser_page.locator(".share__link")
    assert share.count() == 4
    assert "facebook.com" in share.first.get_attribute("href")
    own_host = urlsplit(live_server.url).netloc
    hosts = {urlsplit(url).netloc for url in browser_page.requested_urls}
    assert hosts == {own_host}, browser_page.requested_urls
    # The page fetched its stylesheet and script from the site itself.
    assert any(
        url.endswith("/static/js/share.js") for url in browser_page.requested_urls
    )


def test_print_link_opens_the_print_dialog_direct_visit_does_not(
    live_server, article, browser_page
):
    browser_page.goto(live_server.url + article.get_absolute_url())
    browser_page.get_by_role("link", name="Drucken").click()
    browser_page.wait_for_load_state("load")
    browser_page.wait_for_function("window.__printCalls > 0")

    assert browser_page.evaluate("window.__printCalls") == 1
    # The flag is dropped from the address: a reload does not print again.
    assert (
        browser_page.url == live_server.url + "/artikel/vertrieb-und-vertrauen/drucken/"
    )
    assert browser_page.locator("h1").inner_text() == article.title
    assert browser_page.locator(".site-nav").count() == 0

    browser_page.reload()
    browser_page.wait_for_load_state("load")
    assert browser_page.evaluate("window.__printCalls") == 0

    browser_page.goto(live_server.url + f"/artikel/{article.slug}/drucken/")
    browser_page.wait_for_load_state("load")
    assert browser_page.evaluate("window.__printCalls") == 0
    own_host = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in browser_page.requested_urls} == {own_host}
