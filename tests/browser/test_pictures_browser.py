"""The picture library in a real browser: the focal point set by a click on
the picture, and the screenshots of the grid and a picture's page."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from articles.models import Article
from pictures.models import Picture
from tests.browser.support import admin_login, expect_image_loaded, save_screenshot
from tests.factories import ArticleFactory, PictureFactory, StaffFactory

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "pictures"


def motif(name: str, background, accent) -> SimpleUploadedFile:
    """A real picture with something to look at off the centre."""
    image = Image.new("RGB", (1600, 900), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 520, 520, 860), fill=accent)
    draw.rectangle((1000, 120, 1500, 420), outline=accent, width=24)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(name, buffer.getvalue(), "image/jpeg")


@pytest.fixture
def library(editorial_groups):
    StaffFactory(username="fotoredaktion", groups=["Journalist"])
    colours = [(31, 78, 121), (164, 22, 26), (58, 110, 165), (242, 177, 52)]
    pictures = [
        PictureFactory(
            file=motif(f"bild-{n}.jpg", colours[n], colours[(n + 1) % 4]),
            caption=f"Messe in Hannover, Halle {n + 1}",
            photographer=["Lene Haverkamp", "Jörg Weiß"][n % 2],
            source="Redaktion",
        )
        for n in range(len(colours))
    ]
    ArticleFactory(title="Roboter auf der Messe", picture=pictures[0])
    return pictures


def test_a_click_on_the_picture_sets_its_focal_point(page, library):
    picture = library[0]
    admin_login(page, "fotoredaktion", "correct-horse-battery")
    page.goto(f"/admin/pictures/picture/{picture.pk}/change/")
    image = page.locator("[data-focal-image]")
    expect(image).to_be_visible()
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 0.2, "y": box["height"] * 0.75})
    expect(page.locator("#id_focal_x")).to_have_value("20")
    expect(page.locator("#id_focal_y")).to_have_value("75")
    marker = page.locator("[data-focal-marker]")
    expect(marker).to_have_attribute("style", "left: 20%; top: 75%;")
    save_screenshot(page, ARTIFACTS, "picture-page")
    page.get_by_role("button", name="Sichern", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()
    picture = Picture.objects.get(pk=picture.pk)
    assert (picture.focal_x, picture.focal_y) == (20, 75)


def test_the_library_grid(page, library):
    admin_login(page, "fotoredaktion", "correct-horse-battery")
    page.goto("/admin/pictures/picture/")
    grid = page.locator("[data-picture-grid] .picture-grid__item")
    expect(grid).to_have_count(len(library))
    for image in page.locator("[data-picture-grid] img").all():
        expect_image_loaded(image)
    save_screenshot(page, ARTIFACTS, "library-grid")


def test_journalist_inserts_a_library_picture_into_the_text(page, new_page, library):
    """The body editor's „Bild einfügen“: search the library, pick, change the
    caption for this use, save; the editor shows the picture again after the
    reload, and readers see it with its credit."""
    journalist = StaffFactory(username="reporterin", groups=["Journalist"])
    article = ArticleFactory(
        title="Eine Messe voller Roboter",
        body="<p>Der erste Absatz.</p>",
        status=Article.Status.DRAFT,
        created_by=journalist,
    )
    wanted = library[2]  # „Messe in Hannover, Halle 3“, Lene Haverkamp
    admin_login(page, "reporterin", "correct-horse-battery")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.get_by_text("Der erste Absatz.").click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Bild einfügen").click()

    picker = page.locator("dialog.picture-picker-dialog[open]")
    choices = picker.locator(".picture-picker__choice")
    expect(choices).to_have_count(len(library))
    picker.get_by_label("Bildunterschrift, Alternativtext").fill("Halle 3")
    expect(choices).to_have_count(1)
    expect_image_loaded(choices.first.locator("img"))
    save_screenshot(page, ARTIFACTS, "picker")
    choices.first.click()
    caption = picker.get_by_label("Bildunterschrift für diese Verwendung")
    expect(caption).to_have_value("Messe in Hannover, Halle 3")
    caption.fill("Halle 3 am Eröffnungstag")
    picker.get_by_role("button", name="Einfügen").click()
    expect(picker).to_have_count(0)

    figure = body.locator(f"figure[data-picture='{wanted.pk}']")
    expect_image_loaded(figure.locator("img"))
    expect(figure).to_contain_text("Bild: © Lene Haverkamp, Redaktion")
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    page.locator(".messagelist .success").wait_for()
    article.refresh_from_db()
    assert article.body == (
        "<p>Der erste Absatz.</p>"
        f'<figure data-picture="{wanted.pk}">'
        "<figcaption>Halle 3 am Eröffnungstag</figcaption></figure>"
    )

    # After the reload the editor reads the reference back, shows the picture,
    # and a second save keeps the body as it was.
    figure = body.locator(f"figure[data-picture='{wanted.pk}']")
    image = figure.locator("img")
    expect_image_loaded(image)
    expect(figure.locator("figcaption")).to_have_text("Halle 3 am Eröffnungstag")
    save_screenshot(page, ARTIFACTS, "editor-with-picture")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    article.refresh_from_db()
    assert f'<figure data-picture="{wanted.pk}"><figcaption>Halle 3' in article.body
    assert wanted.inline_uses.filter(article=article).exists()

    # An editor publishes it (not this journey's part); readers see the picture.
    article.status = Article.Status.PUBLISHED
    article.publish_at = timezone.now() - timedelta(minutes=1)
    article.save()
    reader = new_page()
    reader.goto(article.get_absolute_url())
    figure = reader.locator("article figure.picture-figure")
    expect(figure).to_have_count(1)
    expect(figure.locator("picture source[type='image/webp']")).to_have_count(1)
    image = figure.locator("picture img")
    expect(image).to_have_attribute("alt", wanted.alt_text)
    image.scroll_into_view_if_needed()
    expect_image_loaded(image)
    expect(figure.locator("figcaption")).to_have_text(
        "Halle 3 am Eröffnungstag Bild: © Lene Haverkamp, Redaktion"
    )


def test_the_featured_image_autocomplete_shows_thumbnails(page, library):
    admin_login(page, "fotoredaktion", "correct-horse-battery")
    page.goto("/admin/articles/article/add/")
    page.locator(".field-picture .select2-selection").click()
    options = page.locator(".select2-results__option .picture-option")
    # The first answer (every picture) makes the thumbnails; searching before
    # it is back would ask for them while they are being written.
    expect(options).to_have_count(len(library))
    page.locator(".select2-search__field").fill("Halle 2")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("Messe in Hannover, Halle 2")
    expect(options.first).to_contain_text("© Jörg Weiß, Redaktion")
    for image in options.locator("img").all():
        expect_image_loaded(image)
    save_screenshot(page, ARTIFACTS, "featured-autocomplete")
    options.filter(has_text="Halle 2").click()
    expect(page.locator(".field-picture .select2-selection__rendered")).to_contain_text(
        "Messe in Hannover, Halle 2"
    )
