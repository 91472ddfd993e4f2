"""The pre-publish checklist in Chromium: ticks while editing, publication
refused with what is missing, then allowed."""

from PIL import Image

from articles.models import Article
from pictures.models import Picture
from tests.browser.support import admin_login, expect


def test_checklist_refuses_then_allows_publication(page, demo_site, tmp_path):
    article = Article.objects.get(status=Article.Status.REVIEW)
    # Its library picture lost its credit (as an import may leave it).
    Picture.objects.filter(pk=article.picture_id).update(photographer="", source="")
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

    # The editor uploads a credited picture in place instead.
    photo = tmp_path / "lager.jpg"
    Image.new("RGB", (1200, 675), (40, 90, 120)).save(photo, "JPEG")
    page.locator("[name=picture_upload]").set_input_files(photo)
    page.locator("[name=picture_upload_alt]").fill("Regale im Lager")
    page.locator("[name=picture_upload_photographer]").fill("Fenja Ruprecht")
    expect(checklist.locator('[data-check="image_credit"]')).to_have_attribute(
        "data-ok", "yes"
    )
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
