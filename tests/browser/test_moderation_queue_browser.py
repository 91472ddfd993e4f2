"""The moderators' queue in Chromium: ten comments cleared by keyboard
(j/k to move, a/r/s to approve, reject, mark as spam), in place."""

from datetime import UTC, datetime
from pathlib import Path

from comments.models import ArticleComment
from tests.browser.support import admin_login, expect, save_screenshot
from tests.comments.conftest import make_comment
from tests.factories import ArticleFactory, StaffFactory

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "newsroom"


def test_moderator_clears_ten_comments_by_keyboard(page, editorial_groups):
    StaffFactory(username="moderator", groups=["Moderator"])
    article = ArticleFactory(title="Messeplanung ohne Reue")
    comments = [
        make_comment(
            article,
            public=False,
            name=f"Leserin {n}",
            email=f"leserin{n % 3}@example.org",
            comment=f"Kommentar Nummer {n}: ein Gedanke zur Messe.",
            submit_date=datetime(2024, 1, 1 + n, 12, tzinfo=UTC),
        )
        for n in range(12)
    ]
    admin_login(page, "moderator", "correct-horse-battery")
    page.goto("/admin/")
    page.locator('[data-dashboard-block="comments-waiting"] h2 a').click()
    queue = page.locator("[data-moderation-queue]")
    expect(queue.locator("[data-queue-row]")).to_have_count(12)
    expect(queue.locator("[data-held-count]")).to_have_text("12")
    current = queue.locator("[data-queue-row].is-current")
    expect(current).to_have_attribute("data-comment", str(comments[0].pk))
    save_screenshot(page, ARTIFACTS, "moderation-queue")

    # j/k move; at the ends they stay.
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(current).to_have_attribute("data-comment", str(comments[2].pk))
    page.keyboard.press("k")
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(current).to_have_attribute("data-comment", str(comments[0].pk))

    # Ten decisions in a row, each acting on the comment that moves up.
    keys = "aaarsaarsa"
    for number, key in enumerate(keys):
        expect(current).to_have_attribute("data-comment", str(comments[number].pk))
        page.keyboard.press(key)
        expect(queue.locator(f'[data-comment="{comments[number].pk}"]')).to_have_count(
            0
        )
        expect(queue.locator("[data-held-count]")).to_have_text(str(11 - number))
    expect(queue.locator("[data-queue-row]")).to_have_count(2)
    expect(page.locator("[data-queue-status]")).to_have_text("Kommentar freigegeben.")
    assert page.url.endswith("/admin/comments/articlecomment/queue/")

    status = {c.pk: c.status for c in ArticleComment.objects.all()}
    expected = {"a": "approved", "r": "rejected", "s": "spam"}
    assert [status[c.pk] for c in comments[:10]] == [expected[k] for k in keys]
    assert [status[c.pk] for c in comments[10:]] == ["held", "held"]

    # A key pressed while a form field has the focus belongs to the field:
    # ticking a row's box and pressing "a" or "j" decides and moves nothing.
    tick = queue.locator(f'[data-comment="{comments[10].pk}"] input[name="pk"]')
    tick.check()
    for key in "ajrs":
        page.keyboard.press(key)
    expect(queue.locator("[data-queue-row]")).to_have_count(2)
    expect(current).to_have_attribute("data-comment", str(comments[10].pk))
    comments[10].refresh_from_db()
    comments[11].refresh_from_db()
    assert (comments[10].status, comments[11].status) == ("held", "held")
