"""The newsroom's journeys, start to end, the way people do them in a browser.

Journey 1 (journalist) and 2 (editor) of the browser-tests issue; the visitor
and moderator journeys are in test_visitor_journeys.py.
"""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.browser.support import admin_login, expect, select_word_in_editor

REVIEW_SLUG = "weiterbildung-mit-ki-wie-unternehmen-ihre-belegschaft-schulen"


@pytest.fixture
def featured_jpeg(tmp_path):
    """A real 1200×675 JPEG on disk, made with Pillow, to upload."""
    path = tmp_path / "werkhalle.jpg"
    image = Image.new("RGB", (1200, 675), (32, 64, 96))
    image.paste((200, 120, 40), (300, 150, 900, 525))
    image.save(path, "JPEG", quality=85)
    return path


def test_journalist_writes_article_and_submits_it_for_review(
    page, new_page, demo_site, featured_jpeg
):
    admin_login(page, "journalist", "redaktion-journalist")
    page.locator("a.addlink[href$='/articles/article/add/']").click()
    page.get_by_role("heading", name="Artikel hinzufügen").wait_for()

    page.get_by_label("Titel:", exact=True).fill(
        "Roboter im Lager: Ein Werkstattbericht"
    )
    page.get_by_label("Vorspann:").fill(
        "Ein Logistiker aus Kassel lässt seit einem Jahr Roboter kommissionieren."
    )

    # The body, in django-prose-editor (ProseMirror): a keyboard shortcut for
    # bold, the menu for the list, the menu and its dialog for the link.
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("Die Roboter arbeiten ")
    page.keyboard.press("Control+b")
    page.keyboard.type("rund um die Uhr")
    page.keyboard.press("Control+b")
    page.keyboard.type(", sagt der Bericht der Firma.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="unordered list").click()
    page.keyboard.type("weniger Laufwege")
    page.keyboard.press("Enter")
    page.keyboard.type("weniger Fehler")
    # Select „Bericht“ in the first paragraph and link it, as the last edit:
    # the editor applies the link (and moves the focus) after its dialog has
    # closed, so keys typed right after could land on the old selection.
    select_word_in_editor(page, body, "Bericht")
    link_button = page.get_by_role("button", name="insert link")
    expect(link_button).not_to_have_class(re.compile(r"\bdisabled\b"))
    link_button.click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.get_by_label("URL").fill("https://example.org/bericht")
    dialog.get_by_role("button", name="Update").click()
    expect(body.get_by_role("link", name="Bericht")).to_have_attribute(
        "href", "https://example.org/bericht"
    )

    page.get_by_label("Rubrik:").select_option(label="Technik")
    page.get_by_label("Schlagwörter:").fill("Robotik, Logistik")
    # The featured image uploaded in place: it goes into the picture library.
    page.get_by_label("oder ein neues Bild hochladen:").set_input_files(featured_jpeg)
    page.get_by_label("sein Alternativtext:").fill(
        "Ein Roboterarm greift nach einem Karton"
    )
    page.get_by_label("Bildunterschrift:", exact=True).fill(
        "Im Lager in Kassel greifen Roboter zu."
    )
    page.get_by_label("sein Fotograf/seine Fotografin:").fill("Lena Ostermann")
    page.get_by_label("seine Quelle oder Agentur:").fill("Werkfoto")
    page.get_by_label("Status:").select_option(label="In Prüfung")
    page.get_by_role("button", name="Sichern", exact=True).click()

    page.locator(".messagelist .success").wait_for()
    article = Article.objects.get(title="Roboter im Lager: Ein Werkstattbericht")
    assert article.status == Article.Status.REVIEW
    assert article.slug == "roboter-im-lager-ein-werkstattbericht"
    assert "<strong>rund um die Uhr</strong>" in article.body
    assert '<a href="https://example.org/bericht"' in article.body
    assert ">Bericht</a> der Firma.</p>" in article.body
    assert (
        "<ul><li><p>weniger Laufwege</p></li><li><p>weniger Fehler</p></li></ul>"
        in (article.body)
    )
    assert article.category.name == "Technik"
    assert sorted(tag.name for tag in article.tags.all()) == ["Logistik", "Robotik"]
    assert [author.slug for author in article.authors.all()] == ["katharina-brueckner"]
    assert article.picture.credit_line == "© Lena Ostermann, Werkfoto"
    assert article.picture_caption == "Im Lager in Kassel greifen Roboter zu."
    with Image.open(article.picture.file.path) as stored:
        assert stored.size == (1200, 675)

    # Readers see nothing of it: the page answers 404, the home page omits it.
    reader = new_page()
    response = reader.goto(article.get_absolute_url())
    assert response.status == 404
    reader.goto("/")
    assert reader.get_by_text("Roboter im Lager").count() == 0


def test_editor_publishes_article_from_review(page, new_page, demo_site):
    article = Article.objects.get(slug=REVIEW_SLUG, status=Article.Status.REVIEW)
    reader = new_page()
    assert reader.goto(article.get_absolute_url()).status == 404

    admin_login(page, "editor", "redaktion-editor")
    page.locator("tr.model-article th").get_by_role("link", name="Artikel").click()
    page.locator("#changelist-filter").get_by_role("link", name="In Prüfung").click()
    page.get_by_role("link", name=article.title).click()

    # A publication time one minute in the past, in German time, as typed.
    when = timezone.localtime(timezone.now() - timedelta(minutes=1))
    page.get_by_label("Status:").select_option(label="Veröffentlicht")
    page.locator("#id_publish_at_0").fill(when.strftime("%d.%m.%Y"))
    page.locator("#id_publish_at_1").fill(when.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()

    article.refresh_from_db()
    assert article.is_published
    assert article.publish_at == when.replace(microsecond=0)

    # It is on the home page; a reader follows it to the article.
    reader.goto("/")
    reader.get_by_role("link", name=article.title).first.click()
    assert reader.get_by_role("heading", level=1).inner_text() == article.title
    assert reader.url.endswith(article.get_absolute_url())

    # On its category page and on each author's page.
    reader.get_by_role("article").get_by_role("link", name="Arbeitswelt").first.click()
    assert reader.get_by_role("heading", level=1).inner_text() == "Arbeitswelt"
    assert reader.get_by_role("link", name=article.title).count() == 1
    for author in article.authors.all():
        reader.goto(author.get_absolute_url())
        assert reader.get_by_role("link", name=article.title).count() == 1

    # And in the RSS feed, as the newest item, linking to the article.
    feed = reader.request.get("/feed/")
    assert feed.ok
    items = ElementTree.fromstring(feed.body()).findall("./channel/item")
    assert items[0].findtext("title") == article.title
    assert items[0].findtext("link").endswith(article.get_absolute_url())
