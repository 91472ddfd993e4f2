"""The article page every reader gets (core.http_cache) in Chromium: its one
live request fills in count, rating and the forms' tokens; rating and
commenting work with JavaScript, and without it through the fallback pages
(core.csrf), with nothing typed lost."""

import pytest
from django.core import mail
from django.utils import timezone

from counters.services import view_total_set
from ratings.models import RatingSummary, Vote
from tests.browser.support import expect
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Ein langer Gedanke, den niemand zweimal tippen möchte."


@pytest.fixture
def article(settings):
    settings.COMMENTS_MIN_SUBMIT_SECONDS = 0  # a script types faster than people
    article = ArticleFactory(
        title="Live-Teile", publish_at=timezone.now() - timezone.timedelta(days=1)
    )
    Vote.objects.bulk_create(
        Vote(article=article, voter=f"seed-{n}", score=4) for n in range(2)
    )
    RatingSummary.objects.create(article=article, count=2, total=8)
    return article


def fill_comment(page):
    page.fill("#id_name", "Erika Muster")
    page.fill("#id_email", "erika@example.org")
    page.fill("#id_comment", TEXT)
    page.check("#id_consent")


def test_the_live_request_fills_in_count_rating_and_tokens(
    new_page, live_server, article
):
    view_total_set(article_id=article.pk, total=1233)
    page = new_page()
    # As if from the cache: the page's count is older than the live answer's.
    page.route(
        f"**{article.get_absolute_url()}",
        lambda route: route.fulfill(
            response=route.fetch(),
            body=route.fetch().text().replace("1.233 Artikel", "17 Artikel"),
        ),
    )
    with page.expect_response(lambda answer: "/live/" in answer.url) as answer:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert answer.value.request.method == "POST"
    expect(page.locator("html[data-live=filled]")).to_have_count(1)
    expect(page.locator("[data-live-views]")).to_have_text("· 1.233 Artikelaufrufe")
    expect(page.locator("[data-rating-compact]")).to_have_text("★ 4,0 (2)")
    tokens = page.locator("[data-live-csrf]")
    expect(tokens).to_have_count(2)
    for index in range(2):
        assert tokens.nth(index).input_value()
    assert page.locator("[data-live-field=timestamp]").input_value().isdigit()

    # A star, sent in place with the live request's token.
    page.locator("label[for=rating-score-5]").click()
    expect(page.locator("[data-rating-compact]")).to_have_text("★ 4,3 (3)")

    # A comment with JavaScript: the confirmation mail goes out.
    fill_comment(page)
    page.get_by_role("button", name="Kommentar senden").click()
    page.wait_for_load_state()
    expect(page.locator("body")).not_to_contain_text("noch einmal")
    assert len(mail.outbox) == 1


def test_without_javascript_rating_and_comment_go_through_the_fallback(
    new_page, live_server, article
):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator("[data-live-csrf]").first.input_value() == ""

    # The star form: the fallback page has the chosen score and a fresh token.
    page.locator("label[for=rating-score-2]").click()
    page.get_by_role("button", name="Bewertung senden").click()
    expect(page.locator("[data-rating-again]")).to_be_visible()
    assert page.locator("#rating-score-2").is_checked()
    page.get_by_role("button", name="Bewertung senden").click()
    expect(page.locator("body")).to_contain_text("mit 2 Sternen bewertet")
    assert Vote.objects.filter(article=article).count() == 3

    # The comment form (the page after the vote showed a message and was the
    # reader's own; this one is the shared one again, without a token): the
    # fallback page has the text, the second click sends.
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.locator("[data-live-csrf]").last.input_value() == ""
    fill_comment(page)
    page.get_by_role("button", name="Kommentar senden").click()
    expect(page.locator("[data-comment-again]")).to_be_visible()
    assert page.locator("#id_comment").input_value() == TEXT
    assert page.locator("#id_name").input_value() == "Erika Muster"
    page.check("#id_consent")
    page.get_by_role("button", name="Kommentar senden").click()
    page.wait_for_load_state()
    expect(page.locator("[data-comment-again]")).to_have_count(0)
    assert len(mail.outbox) == 1
