"""Revisions, pending changes and review notes, as people use them."""

from articles.models import Article, ReviewNote
from articles.revisions import ArticleRevision
from tests.browser.support import admin_login, expect

LIVE_SLUG = "preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren"
RESTORE_SLUG = "messe-oder-webinar-was-fachbesucher-heute-wirklich-erwarten"
REVIEW_SLUG = "weiterbildung-mit-ki-wie-unternehmen-ihre-belegschaft-schulen"


def change_path(article) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def test_journalist_edits_a_live_article_and_the_editor_approves(
    page, new_page, demo_site
):
    article = Article.objects.get(slug=LIVE_SLUG)
    old_title = article.title
    new_title = f"{old_title} – aktualisiert"

    admin_login(page, "journalist", "redaktion-journalist")
    page.goto(change_path(article))
    page.get_by_label("Titel:", exact=True).fill(new_title)
    page.get_by_label("Änderungsnotiz:").fill("Titel präzisiert")
    page.get_by_role("button", name="Sichern", exact=True).click()
    expect(page.locator(".messagelist .warning")).to_contain_text(
        "ausstehende Änderungen"
    )

    # Readers still see the live version.
    reader = new_page()
    reader.goto(article.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(old_title)

    editor = new_page()
    admin_login(editor, "editor", "redaktion-editor")
    editor.goto(change_path(article))
    editor.get_by_role("link", name="Änderungen ansehen und entscheiden").click()
    diff = editor.locator('tr[data-field="title"]')
    expect(diff.locator("ins")).to_contain_text("aktualisiert")
    editor.get_by_role("button", name="Freigeben").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("online")

    reader.reload()
    expect(reader.locator("h1")).to_have_text(new_title)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_editor_requests_changes_and_the_journalist_sees_the_note(
    page, new_page, demo_site
):
    article = Article.objects.get(slug=REVIEW_SLUG)
    admin_login(page, "editor", "redaktion-editor")
    page.goto(change_path(article))
    page.get_by_role("link", name="Notizen und nächster Schritt").click()
    page.get_by_label("Änderungen erbitten").check()
    page.get_by_label("Notiz:", exact=True).fill(
        "Bitte die Zahlen im zweiten Absatz belegen."
    )
    page.get_by_role("button", name="Diesen Schritt ausführen").click()
    expect(page.locator("#article-status")).to_have_text("Änderungen erbeten")

    # The journalist whose article it is (the demo gives each journalist their own).
    owner = article.created_by.username
    journalist = new_page()
    admin_login(journalist, owner, f"redaktion-{owner}")
    journalist.goto(change_path(article))
    expect(journalist.locator(".latest-note")).to_contain_text(
        "Bitte die Zahlen im zweiten Absatz belegen."
    )
    assert ReviewNote.objects.filter(
        article=article, transition="request_changes"
    ).exists()


def test_restoring_a_revision_after_deleting_three_paragraphs(page, demo_site):
    article = Article.objects.get(slug=RESTORE_SLUG)
    admin_login(page, "editor", "redaktion-editor")
    page.goto(change_path(article))

    # Click before the first block, shift-click before the fourth, press
    # Delete: the accidental deletion of three paragraphs.
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    top_level = body.locator(":scope > *")
    count = top_level.count()
    lost = [top_level.nth(n).inner_text()[:40] for n in range(3)]
    assert all(text in article.body for text in lost)
    top_level.nth(0).click(position={"x": 1, "y": 4})
    top_level.nth(3).click(modifiers=["Shift"], position={"x": 1, "y": 4})
    page.keyboard.press("Delete")
    expect(top_level).to_have_count(count - 3)
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    article.refresh_from_db()
    assert not any(text in article.body for text in lost)

    page.goto(f"/admin/articles/article/{article.pk}/history/")
    rows = page.locator("#revision-list tbody tr")
    expect(rows.first.locator("td").nth(3)).to_contain_text("(-")
    rows.nth(1).get_by_role("link", name="Wiederherstellen").click()
    expect(page.locator(".messagelist .info")).to_contain_text("Fassung vom")
    expect(top_level).to_have_count(count)
    article.refresh_from_db()
    assert not any(text in article.body for text in lost)  # nothing saved yet
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()

    article.refresh_from_db()
    assert all(text in article.body for text in lost)
    assert article.status == Article.Status.PUBLISHED
    latest = ArticleRevision.objects.filter(
        article=article, state=ArticleRevision.State.SAVED
    ).first()
    assert "wiederhergestellt" in latest.note
