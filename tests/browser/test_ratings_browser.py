"""The star widget in a real browser: Playwright driving Debian's Chromium.

A small local fixture until the shared browser fixture lands in
``tests/browser/conftest.py``; skipped, with the reason, when Chromium or the
``playwright`` package is missing.
"""

import shutil

import pytest
from django.db import connections

from ratings.models import RatingSummary, Vote
from tests.factories import ArticleFactory

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        sync_playwright is None, reason="the Python package 'playwright' is missing"
    ),
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium on PATH (apt-get install -y chromium)"
    ),
]


@pytest.fixture
def rating_page(live_server, monkeypatch):
    """A Chromium page, in German, on the live server."""
    # Playwright's sync API keeps an event loop in this thread; the test's own
    # ORM calls are still synchronous, which Django would otherwise refuse.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="de-DE")
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # The ORM calls made while Playwright ran opened their own connection
            # (its event loop gives them a context of their own); close it, or
            # PostgreSQL refuses to drop the test database at the end.
            connections.close_all()


def rated_article():
    article = ArticleFactory(title="Bewertbarer Artikel")
    Vote.objects.bulk_create(
        Vote(article=article, voter=f"seed-{n}", score=5) for n in range(3)
    )
    RatingSummary.objects.create(article=article, count=3, total=15)
    return article


def test_click_on_a_star_updates_average_and_count_without_reload(
    rating_page, live_server
):
    article = rated_article()
    page = rating_page
    page.goto(f"{live_server.url}/artikel/{article.slug}/")
    label = page.locator("[data-rating-label]")
    expect(label).to_have_text("Bewertung: 5,0 – 3 Stimmen")
    page.evaluate("window.notReloaded = true")

    page.locator("label[for=rating-score-1]").click()

    expect(label).to_have_text("Bewertung: 4,0 – 4 Stimmen")
    expect(page.locator("[data-rating-spoken]")).to_have_text(
        "4,0 von 5 Sternen, 4 Stimmen"
    )
    expect(page.locator("[data-rating-compact]")).to_have_text("★ 4,0 (4)")
    expect(page.locator("[data-rating-message]")).to_have_text(
        "Danke! Sie haben diesen Artikel mit 1 Stern bewertet."
    )
    assert page.evaluate("window.notReloaded") is True
    assert RatingSummary.objects.get(article=article).count == 4

    # Changing one's mind changes the vote, it does not add one.
    page.locator("label[for=rating-score-5]").click()
    expect(label).to_have_text("Bewertung: 5,0 – 4 Stimmen")
    assert page.evaluate("window.notReloaded") is True
    assert Vote.objects.filter(article=article).count() == 4


def test_keyboard_arrows_choose_and_enter_sends(rating_page, live_server):
    article = rated_article()
    page = rating_page
    page.goto(f"{live_server.url}/artikel/{article.slug}/")
    label = page.locator("[data-rating-label]")

    page.locator("#rating-score-1").focus()
    page.keyboard.press("Space")  # choose 1 star
    page.keyboard.press("ArrowRight")  # move to 2 stars: chosen, not yet sent
    page.keyboard.press("ArrowRight")  # 3 stars
    expect(page.locator("#rating-score-3")).to_be_checked()
    expect(label).to_have_text("Bewertung: 5,0 – 3 Stimmen")
    assert (
        not Vote.objects.filter(article=article, voter__startswith="seed")
        .exclude(score=5)
        .exists()
    )
    assert Vote.objects.filter(article=article).count() == 3

    page.keyboard.press("Enter")

    expect(label).to_have_text("Bewertung: 4,5 – 4 Stimmen")
    assert Vote.objects.exclude(voter__startswith="seed").get().score == 3
