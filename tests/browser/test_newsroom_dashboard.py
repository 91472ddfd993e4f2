"""The newsroom dashboard of each role, in Chromium, on the demo magazine.

Screenshots of each role's dashboard go to test-artifacts/newsroom/."""

from pathlib import Path

from articles.models import Article
from comments.models import ArticleComment
from tests.browser.support import admin_login, expect, save_screenshot

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "newsroom"


def test_journalist_sees_only_their_own_articles(page, demo_site):
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto("/admin/")
    expect(page.locator("#site-name")).to_have_text("Redaktion")
    expect(page.locator("[data-public-site]")).to_have_attribute("href", "/")
    published = page.locator('[data-dashboard-block="my-published"]')
    expect(published).to_be_visible()
    expect(published.locator(".figure").first).to_contain_text("aufrufe")
    expect(page.locator('[data-dashboard-block="most-read-today"]')).to_be_visible()
    # No editor's or moderator's blocks for a journalist.
    expect(page.locator('[data-dashboard-block="review-queue"]')).to_have_count(0)
    expect(page.locator('[data-dashboard-block="comments-waiting"]')).to_have_count(0)
    save_screenshot(page, ARTIFACTS, "dashboard-journalist")

    # The block's link opens the change list with the same filter, and the
    # journalist's list holds only their own articles, not all 18.
    published.get_by_role("link").first.click()
    expect(page.locator("#result_list")).to_be_visible()
    own = Article.objects.filter(authors__user__username="journalist").distinct()
    rows = page.locator("#result_list tbody tr")
    assert 0 < rows.count() <= own.count() < Article.objects.count()


def test_editor_sees_review_queue_and_schedule(page, demo_site):
    admin_login(page, "editor", "redaktion-editor")
    page.goto("/admin/")
    review = page.locator('[data-dashboard-block="review-queue"]')
    in_review = Article.objects.get(status=Article.Status.REVIEW)
    expect(review).to_contain_text(in_review.title)
    expect(page.locator('[data-dashboard-block="scheduled"]')).to_be_visible()
    expect(page.locator('[data-dashboard-block="published-today"]')).to_be_visible()
    expect(page.locator('[data-dashboard-block="my-drafts"]')).to_have_count(0)
    save_screenshot(page, ARTIFACTS, "dashboard-editor")
    review.get_by_role("link").first.click()
    expect(page.locator("#result_list")).to_contain_text(in_review.title)


def test_moderator_approves_and_rejects_without_leaving_the_page(page, demo_site):
    held = list(
        ArticleComment.objects.for_articles().held().order_by("submit_date", "pk")
    )
    assert len(held) >= 2, "the demo holds comments for moderation"
    admin_login(page, "moderator", "redaktion-moderator")
    page.goto("/admin/")
    block = page.locator('[data-dashboard-block="comments-waiting"]')
    expect(block.locator("[data-held-count]")).to_have_text(str(len(held)))
    save_screenshot(page, ARTIFACTS, "dashboard-moderator")
    url = page.url

    first, second = held[0], held[1]
    block.locator(f'[data-comment="{first.pk}"]').get_by_role(
        "button", name="Freigeben"
    ).click()
    expect(block.locator(f'[data-comment="{first.pk}"]')).to_have_count(0)
    block.locator(f'[data-comment="{second.pk}"]').get_by_role(
        "button", name="Ablehnen"
    ).click()
    expect(block.locator(f'[data-comment="{second.pk}"]')).to_have_count(0)
    expect(block.locator("[data-held-count]")).to_have_text(str(len(held) - 2))
    assert page.url == url
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_public and second.is_removed
