"""Autosave in Chromium: type, wait, close the tab, reopen, restore."""

from articles.models import Article, ArticleAutosave
from tests.browser.support import admin_login, expect

BODY = ".writing-main .ProseMirror[contenteditable=true]"


def test_type_close_the_tab_reopen_and_restore(page, new_page, demo_site):
    article = Article.objects.filter(created_by__username="journalist").first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    url = f"/admin/articles/article/{article.pk}/change/"
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(url)
    page.locator(BODY).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Dieser Satz darf nicht verloren gehen.")
    # Within five seconds after typing stops, the server has it.
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Automatisch gespeichert um", timeout=10_000
    )
    assert (
        "verloren gehen" in ArticleAutosave.objects.get(article=article).fields["body"]
    )

    context = page.context
    page.close()  # the tab is gone, nothing was saved into the article
    assert "verloren gehen" not in Article.objects.get(pk=article.pk).body

    again = context.new_page()
    again.goto(url)
    prompt = again.locator("[data-autosave-prompt]")
    expect(prompt).to_contain_text("automatische Sicherung")
    prompt.get_by_role("link", name="Wiederherstellen").click()
    expect(again.locator("[data-autosave-restored]")).to_be_visible()
    expect(again.locator(BODY)).to_contain_text(
        "Dieser Satz darf nicht verloren gehen."
    )
    assert "verloren gehen" not in Article.objects.get(pk=article.pk).body

    again.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(again.locator(".messagelist .success")).to_be_visible()
    assert "verloren gehen" in Article.objects.get(pk=article.pk).body
    assert not ArticleAutosave.objects.filter(article=article).exists()
    expect(again.locator("[data-autosave-prompt]")).to_have_count(0)


def test_a_failed_autosave_is_shown_and_retried(page, demo_site):
    article = Article.objects.filter(created_by__username="journalist").first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    blocked = {"on": True}

    def handle(route):
        if blocked["on"]:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/autosave/", handle)
    page.locator("[name=title]").fill("Offline getippt")
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text("Nicht gespeichert – keine Verbindung", timeout=10_000)
    # Typing goes on while it fails.
    page.locator("[name=title]").press_sequentially(" und weiter")
    blocked["on"] = False
    expect(status).to_contain_text("Automatisch gespeichert um", timeout=20_000)
    stored = ArticleAutosave.objects.get(article=article).fields["title"]
    assert stored == "Offline getippt und weiter"
