"""Crops follow the focal point: a test image with a marked spot keeps the
spot inside every crop; the social card is exactly 1200 × 630; WebP too."""

import io
from fractions import Fraction

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pictures import renditions
from tests.factories import PictureFactory

pytestmark = pytest.mark.django_db

SPOT = (255, 0, 0)


def image_with_spot(size, spot_centre, radius=20) -> SimpleUploadedFile:
    """Grey image with a red square around ``spot_centre`` (pixels)."""
    image = Image.new("RGB", size, (128, 128, 128))
    x, y = spot_centre
    image.paste(SPOT, (x - radius, y - radius, x + radius, y + radius))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("spot.png", buffer.getvalue(), "image/png")


def has_spot(rendition) -> bool:
    with Image.open(rendition.file.path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
        return any(
            red > 200 and green < 60 and blue < 60 for _n, (red, green, blue) in colours
        )


@pytest.mark.parametrize(
    ("size", "spot"),
    [
        ((2400, 1000), (150, 500)),
        ((1000, 2400), (500, 2250)),
        ((1600, 900), (1500, 80)),
    ],
    ids=["wide, spot far left", "tall, spot at the bottom", "spot in a corner"],
)
def test_the_marked_spot_stays_inside_every_crop(size, spot):
    picture = PictureFactory(
        file=image_with_spot(size, spot),
        focal_x=round(spot[0] * 100 / size[0]),
        focal_y=round(spot[1] * 100 / size[1]),
    )
    crops = [
        renditions.social_card(picture),
        *renditions.structured_data_images(picture),
        *(
            renditions.rendition(picture, renditions.crop(picture, ratio, 480))
            for ratio in (renditions.TEASER, Fraction(1))
        ),
    ]
    for crop in crops:
        assert crop.url  # made on first use (JustInTime)
        assert has_spot(crop), crop.file.name


def test_the_centre_crop_would_lose_the_spot():
    """The same image cropped around the default focal point (the centre): the
    test above would fail without the focal point."""
    picture = PictureFactory(file=image_with_spot((2400, 1000), (150, 500)))
    assert (picture.focal_x, picture.focal_y) == (50, 50)
    teaser = renditions.rendition(
        picture, renditions.crop(picture, renditions.TEASER, 480)
    )
    assert teaser.url  # made on first use (JustInTime)
    assert not has_spot(teaser)


def test_social_card_is_exactly_1200_by_630_even_from_a_small_original():
    for size in [(4000, 3000), (640, 480), (300, 900)]:
        picture = PictureFactory(file=image_with_spot(size, (size[0] // 2, 30), 5))
        card = renditions.social_card(picture)
        assert card.url  # made on first use (JustInTime)
        with Image.open(card.file.path) as image:
            assert image.size == (1200, 630) == (card.width, card.height)
            assert image.format == "JPEG"


def test_structured_data_images_are_1_1_4_3_16_9_and_1200_wide_where_possible():
    large = PictureFactory(file=image_with_spot((3000, 2000), (1500, 1000)))
    sizes = []
    for image in renditions.structured_data_images(large):
        assert image.url  # made on first use (JustInTime)
        with Image.open(image.file.path) as opened:
            sizes.append(opened.size)
    assert sizes == [(1200, 1200), (1200, 900), (1200, 675)]
    small = PictureFactory(file=image_with_spot((800, 600), (400, 300)))
    widths = [image.width for image in renditions.structured_data_images(small)]
    assert widths == [600, 800, 800]  # not enlarged: as wide as the original allows


def test_srcset_offers_webp_and_jpeg_in_the_widths_of_the_layout():
    picture = PictureFactory(file=image_with_spot((2000, 1125), (1000, 560)))
    teaser = renditions.srcset(
        picture, widths=renditions.TEASER_WIDTHS, ratio=renditions.TEASER
    )
    assert [part.split()[-1] for part in teaser["srcset"].split(", ")] == [
        "480w",
        "960w",
    ]
    assert teaser["webp_srcset"].count(".webp") == 2
    assert (teaser["width"], teaser["height"]) == (960, 540)
    small = PictureFactory(file=image_with_spot((600, 400), (300, 200)))
    inline = renditions.srcset(small, widths=renditions.ARTICLE_WIDTHS, ratio=None)
    # 760 and 1520 would be enlargements: one rendition at the original width.
    assert [part.split()[-1] for part in inline["srcset"].split(", ")] == [
        "480w",
        "600w",
    ]


def test_moving_the_focal_point_makes_new_crops():
    picture = PictureFactory()
    before = renditions.social_card(picture).file.name
    picture.focal_x = 10
    picture.save()
    assert renditions.social_card(picture).file.name != before


def test_a_renditions_size_is_asked_of_the_storage_once():
    """A feed's enclosure length: on object storage each ``size`` is a request
    to the store, so it is kept in the cache (a file of that name never changes)."""
    picture = PictureFactory()
    card = renditions.social_card(picture).file
    assert card.url  # made on first use (JustInTime)
    size = renditions.stored_size(card)
    assert size == card.storage.size(card.name) > 0
    card.storage.delete(card.name)  # the storage would no longer know it
    assert renditions.stored_size(card) == size
