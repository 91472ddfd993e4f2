"""The picture library in a real browser: the focal point set by a click on
the picture, and the screenshots of the grid and a picture's page."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from pictures.models import Picture
from tests.browser.support import admin_login, save_screenshot
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
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("element => element.naturalWidth") > 0
    save_screenshot(page, ARTIFACTS, "library-grid")
