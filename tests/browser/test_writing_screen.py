"""The article writing screen in Chromium: layout, live counts, Ctrl+S."""

from pathlib import Path

from articles.models import Article
from tests.browser.support import admin_login, expect, save_screenshot

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "newsroom"


def own_draft():
    """One of the demo journalist's articles, back to draft (saving a
    published article as a journalist is #21 item 19, another branch)."""
    article = (
        Article.objects.filter(created_by__username="journalist")
        .order_by("-publish_at")
        .first()
    )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    article.refresh_from_db()
    return article


def test_writing_screen_layout_counts_and_ctrl_s(page, demo_site):
    article = own_draft()
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".writing-main .ProseMirror[contenteditable=true]")
    expect(editor).to_be_visible()

    # The body editor takes at least two thirds of the window's height, and the
    # settings sit beside the main column, not under it.
    viewport = page.viewport_size
    box = editor.bounding_box()
    assert box["height"] >= viewport["height"] * 2 / 3
    sidebar = page.locator(".writing-sidebar").bounding_box()
    assert sidebar["x"] > box["x"] + box["width"] - 1
    for name in ("status", "category", "tags", "picture"):
        expect(page.locator(f".writing-sidebar [name={name}]")).to_have_count(1)
    expect(page.locator(".writing-sidebar #bylines-group")).to_be_visible()

    stats = page.locator("[data-writing-stats]")
    expect(stats).to_contain_text("Wörter")
    before = int(stats.get_attribute("data-words"))
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Drei neue Wörter")
    expect(stats).to_have_attribute("data-words", str(before + 3))
    expect(stats).to_contain_text("Lesezeit")

    title_count = page.locator('[data-char-count="title"]')
    expect(title_count).to_contain_text("empfohlen: 40–70")
    page.locator("[name=title]").fill("Kurz")
    expect(title_count).to_have_attribute("data-state", "short")
    expect(title_count).to_contain_text("4 Zeichen")
    page.locator("[name=title]").fill(article.title)
    expect(page.locator('[data-char-count="meta_description"]')).to_be_visible()
    save_screenshot(page, ARTIFACTS, "writing-screen")

    page.keyboard.press("Control+s")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert page.url.endswith(f"/admin/articles/article/{article.pk}/change/")
    article.refresh_from_db()
    assert "Drei neue Wörter" in article.body


def test_preview_of_unsaved_text_opens_in_a_new_tab(page, demo_site):
    article = own_draft()
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".writing-main .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Noch nicht gespeichert.")
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Vorschau").click()
    preview = popup.value
    expect(preview.locator("[data-unsaved-preview]")).to_be_visible()
    expect(preview.locator("article.article")).to_contain_text(
        "Noch nicht gespeichert."
    )
    # The writing screen stays as it was, and nothing was saved.
    expect(editor).to_contain_text("Noch nicht gespeichert.")
    assert "Noch nicht gespeichert." not in Article.objects.get(pk=article.pk).body


def test_preview_of_a_new_article_before_its_first_save(page, editorial_groups):
    from tests.factories import AuthorFactory, CategoryFactory, StaffFactory

    user = StaffFactory(username="neu", groups=["Journalist"])
    AuthorFactory(user=user, first_name="Nora", last_name="Neumann")
    CategoryFactory(name="Technik")
    admin_login(page, "neu", "correct-horse-battery")
    page.goto("/admin/articles/article/add/")
    page.locator("[name=title]").fill("Noch nie gespeichert")
    editor = page.locator(".writing-main .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Der erste Absatz eines neuen Artikels.")
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Vorschau").click()
    preview = popup.value
    expect(preview.locator("[data-unsaved-preview]")).to_be_visible()
    expect(preview.locator("#article-title")).to_have_text("Noch nie gespeichert")
    expect(preview.locator("article.article")).to_contain_text(
        "Der erste Absatz eines neuen Artikels."
    )
    expect(preview.locator(".article__byline")).to_contain_text("Neumann")
    assert not Article.objects.exists()
