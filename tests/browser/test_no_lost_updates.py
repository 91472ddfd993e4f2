"""Two people edit the same article in two browsers: the later save on top of
the other's is refused, names who saved, and keeps the text in the form."""

from articles.models import Article
from tests.browser.support import admin_login, expect


def test_the_stale_save_is_refused_and_the_text_kept(page, new_page, demo_site):
    article = Article.objects.filter(created_by__username="journalist").first()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    url = f"/admin/articles/article/{article.pk}/change/"
    body = ".writing-main .ProseMirror[contenteditable=true]"

    journalist = page
    admin_login(journalist, "journalist", "redaktion-journalist")
    journalist.goto(url)
    expect(journalist.locator(body)).to_be_visible()

    editor = new_page()
    admin_login(editor, "editor", "redaktion-editor")
    editor.goto(url)
    editor.locator(body).click()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(" Ergänzung der Redaktion.")
    editor.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(editor.locator(".messagelist .success")).to_be_visible()

    journalist.locator(body).click()
    journalist.keyboard.press("Control+End")
    journalist.keyboard.type(" Mein letzter Satz.")
    journalist.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(journalist.locator(".errorlist.nonfield")).to_contain_text(
        "Jonas Weißenfels hat diesen Artikel am"
    )
    expect(journalist.locator(body)).to_contain_text("Mein letzter Satz.")

    stored = Article.objects.get(pk=article.pk).body
    assert "Ergänzung der Redaktion." in stored
    assert "Mein letzter Satz." not in stored


def test_lock_notice_and_take_over(page, new_page, demo_site, settings):
    settings.ARTICLE_EDIT_HEARTBEAT_SECONDS = 1  # the first person learns it soon
    article = Article.objects.filter(created_by__username="journalist").first()
    url = f"/admin/articles/article/{article.pk}/change/"

    journalist = page
    admin_login(journalist, "journalist", "redaktion-journalist")
    journalist.goto(url)
    expect(journalist.locator("[data-edit-lock]")).to_have_attribute(
        "data-state", "mine"
    )

    editor = new_page()
    admin_login(editor, "editor", "redaktion-editor")
    editor.goto(url)
    notice = editor.locator("[data-edit-lock]")
    expect(notice).to_contain_text(
        "Wird gerade von Katharina Brückner bearbeitet (seit"
    )
    notice.get_by_role("button", name="Übernehmen").click()
    expect(editor.locator("[data-edit-lock]")).to_have_attribute("data-state", "mine")

    told = journalist.locator("[data-edit-lock]")
    expect(told).to_contain_text("Jonas Weißenfels hat die Bearbeitung")
    expect(told).to_be_visible()
