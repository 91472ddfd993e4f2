"""The pre-publish checklist in Chromium: ticks while editing, publication
refused with what is missing, then allowed."""

from articles.models import Article
from tests.browser.support import admin_login, expect


def test_checklist_refuses_then_allows_publication(page, demo_site):
    article = Article.objects.get(status=Article.Status.REVIEW)
    Article.objects.filter(pk=article.pk).update(image_credit="")
    admin_login(page, "editor", "redaktion-editor")
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    checklist = page.locator("[data-checklist]")
    expect(checklist.locator('[data-check="image_credit"]')).to_have_attribute(
        "data-ok", "no"
    )
    expect(checklist.locator('[data-check="lead"]')).to_have_attribute("data-ok", "yes")
    page.locator("[name=status]").select_option("published")
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(page.locator(".errorlist.nonform")).to_contain_text(
        "Noch nicht veröffentlicht, es fehlt noch: Fotograf/in des Aufmacherbilds"
    )
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW

    page.locator("[name=image_credit]").fill("Fenja Ruprecht")
    expect(checklist.locator('[data-check="image_credit"]')).to_have_attribute(
        "data-ok", "yes"
    )
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
