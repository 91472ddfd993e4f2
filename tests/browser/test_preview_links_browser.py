"""Shareable preview links in Chromium: created from the writing screen
without leaving it, opened in a fresh, logged-out browser context, revoked."""

from pathlib import Path

from articles.models import PreviewLink
from tests.browser.support import admin_login, expect, save_screenshot
from tests.browser.test_writing_screen import own_draft

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "newsroom"


def test_share_link_opened_logged_out_then_revoked(page, new_page, demo_site):
    article = own_draft()
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".writing-main .ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Getippt, nicht gespeichert.")

    panel = page.locator("[data-preview-links]")
    panel.get_by_label("Gültig für (Tage)").fill("3")
    panel.get_by_role("button", name="Link erstellen").click()
    link = page.locator("a[data-share-preview]")
    expect(link).to_have_count(1)
    expect(page.locator("[data-preview-links-status]")).to_have_text(
        "Vorschau-Link erstellt."
    )
    # Created in place: the typed text is still in the editor, nothing saved.
    expect(editor).to_contain_text("Getippt, nicht gespeichert.")
    panel.scroll_into_view_if_needed()
    save_screenshot(page, ARTIFACTS, "preview-link-panel")
    stored = PreviewLink.objects.get(article=article)
    href = link.get_attribute("href")
    assert href.endswith(f"/vorschau/{stored.token}/")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    panel.get_by_role("button", name="Link kopieren").click()
    expect(page.locator("[data-preview-links-status]")).to_have_text("Link kopiert.")
    assert page.evaluate("() => navigator.clipboard.readText()") == href

    guest = new_page()  # a fresh context: no session, no cookies
    path = href[href.index("/vorschau/") :]
    response = guest.goto(path)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex"
    expect(guest.locator("[data-shared-preview]")).to_be_visible()
    expect(guest.locator("#article-title")).to_have_text(article.title)
    expect(guest.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    expect(guest.locator("article.article")).not_to_contain_text("nicht gespeichert")
    expect(guest.locator("form")).to_have_count(1)  # the site search only

    page.get_by_role("button", name="Widerrufen").click()
    expect(page.locator("a[data-share-preview]")).to_have_count(0)
    expect(editor).to_contain_text("Getippt, nicht gespeichert.")
    response = guest.goto(path)
    assert response.status == 404
    expect(guest.locator("h1")).to_have_text(
        "Dieser Vorschau-Link ist (nicht mehr) gültig"
    )
