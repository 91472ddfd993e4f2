"""Renditions of library pictures: crops that keep the focal point in view,
and scaled copies, as JPEG and WebP.

django-imagekit makes each rendition on first use and keeps it in the media
storage (``JustInTime``: whether it exists is remembered in the cache). A
rendition's file name hashes the processor with the focal point, so moving
the focal point makes new crops instead of serving the old ones.

The sizes follow the layout (static/css/site.css): teaser cards are at most
about 480 px wide (960 px on high-density screens, the lead card 60 % of the
page), the article column 760 px.
"""

import hashlib
from dataclasses import dataclass
from fractions import Fraction

from django.core.cache import cache
from imagekit import register
from imagekit.cachefiles import ImageCacheFile
from imagekit.specs import ImageSpec
from PIL import Image

TEASER = Fraction(16, 9)
SOCIAL_CARD = (1200, 630)  # Open Graph and Twitter's summary_large_image
# Google's Article rich results want 1:1, 4:3 and 16:9, at least 1200 px wide.
STRUCTURED_DATA_RATIOS = (Fraction(1, 1), Fraction(4, 3), Fraction(16, 9))
STRUCTURED_DATA_WIDTH = 1200
TEASER_WIDTHS = (480, 960)
ARTICLE_WIDTHS = (480, 760, 1520)
LAYOUTS = {
    # name: (widths of the renditions, aspect ratio or None to keep the picture's)
    "teaser": (TEASER_WIDTHS, TEASER),
    "featured": (ARTICLE_WIDTHS, TEASER),
    "inline": (ARTICLE_WIDTHS, None),
}
FORMATS = {"JPEG": {"quality": 80, "progressive": True}, "WEBP": {"quality": 78}}


def crop_box(
    size: tuple[int, int], ratio: Fraction, focal: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` inside an image of ``size`` whose centre is
    as near the focal point (per cent of width and height) as the edges allow."""
    width, height = size
    if Fraction(width, height) > ratio:
        box_width, box_height = round(height * ratio), height
    else:
        box_width, box_height = width, round(width / ratio)
    centre_x, centre_y = width * focal[0] / 100, height * focal[1] / 100
    left = min(max(round(centre_x - box_width / 2), 0), width - box_width)
    top = min(max(round(centre_y - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


@dataclass(frozen=True)
class FocalCrop:
    """An imagekit processor: crop to ``ratio`` around the focal point, then
    scale to ``width`` (not beyond the crop unless ``upscale``)."""

    ratio: Fraction
    width: int
    focal: tuple[int, int]
    upscale: bool = False
    height: int | None = None  # exact height (the social card)

    def output_size(self, size: tuple[int, int]) -> tuple[int, int]:
        left, _top, right, _bottom = crop_box(size, self.ratio, self.focal)
        width = self.width if self.upscale else min(self.width, right - left)
        return width, self.height or max(1, round(width / self.ratio))

    def process(self, image: Image.Image) -> Image.Image:
        box = crop_box(image.size, self.ratio, self.focal)
        # reducing_gap: shrink by whole factors first (several times faster
        # on large originals, no visible difference at these sizes).
        return image.resize(
            self.output_size(image.size),
            Image.Resampling.LANCZOS,
            box=box,
            reducing_gap=3.0,
        )


@dataclass(frozen=True)
class Fit:
    """Scale to ``width`` keeping the whole picture (never enlarged)."""

    width: int

    def output_size(self, size: tuple[int, int]) -> tuple[int, int]:
        width = min(self.width, size[0])
        return width, max(1, round(size[1] * width / size[0]))

    def process(self, image: Image.Image) -> Image.Image:
        return image.resize(
            self.output_size(image.size), Image.Resampling.LANCZOS, reducing_gap=3.0
        )


class PictureSpec(ImageSpec):
    def __init__(self, source, *, processor, image_format: str = "JPEG"):
        super().__init__(source)
        self.processors = [processor]
        self.format = image_format
        self.options = FORMATS[image_format]


# imagekit runs its cache file strategy (JustInTime: make the file when its
# URL is asked for) only for registered generator classes.
register.generator("pictures:rendition", PictureSpec)


@dataclass(frozen=True)
class Rendition:
    file: ImageCacheFile
    width: int
    height: int

    @property
    def url(self) -> str:
        return self.file.url


def rendition(picture, processor, image_format: str = "JPEG") -> Rendition:
    size = picture_size(picture)
    width, height = processor.output_size(size)
    spec = PictureSpec(picture.file, processor=processor, image_format=image_format)
    return Rendition(ImageCacheFile(spec), width, height)


# A rendition's name hashes its source and processor, and uploads never replace
# a file of the same name: the size of a file of that name does not change.
RENDITION_SIZE_SECONDS = 30 * 24 * 3600


def stored_size(file: ImageCacheFile) -> int:
    """The rendition's size in bytes (a feed's enclosure length), asked of the
    storage once and then kept in the cache: on object storage every ``size``
    is a request to the store (the feed asked it for every item)."""
    key = "rendition-size:" + hashlib.sha256(file.name.encode()).hexdigest()[:32]
    size = cache.get(key)
    if size is None:
        size = file.storage.size(file.name)
        cache.set(key, size, RENDITION_SIZE_SECONDS)
    return size


def picture_size(picture) -> tuple[int, int]:
    # Pictures moved into the library from a database whose files were not at
    # hand (width 0) are treated as 16:9 until their file is saved again.
    if picture.width and picture.height:
        return picture.width, picture.height
    return 1600, 900


def crop(picture, ratio: Fraction, width: int, **kwargs) -> FocalCrop:
    return FocalCrop(ratio, width, (picture.focal_x, picture.focal_y), **kwargs)


def renditions_warm(picture) -> None:
    """Make the teaser and article renditions now (the demo, an import), so
    that the first reader of a page full of teasers does not wait for them."""
    for widths, ratio in LAYOUTS.values():
        srcset(picture, widths=widths, ratio=ratio)


def social_card(picture) -> Rendition:
    """Exactly 1200 × 630, around the focal point (enlarged if need be)."""
    width, height = SOCIAL_CARD
    return rendition(
        picture,
        crop(picture, Fraction(width, height), width, upscale=True, height=height),
    )


def structured_data_images(picture) -> list[Rendition]:
    """The 1:1, 4:3 and 16:9 crops for JSON-LD, 1200 px wide where the
    original allows."""
    return [
        rendition(picture, crop(picture, ratio, STRUCTURED_DATA_WIDTH))
        for ratio in STRUCTURED_DATA_RATIOS
    ]


def srcset(picture, *, widths: tuple[int, ...], ratio: Fraction | None) -> dict:
    """What ``<picture>`` needs: JPEG and WebP ``srcset``, and the ``src``,
    ``width`` and ``height`` of the middle size. Widths beyond the original
    are left out (one rendition at the original's width stands for them)."""
    size = picture_size(picture)

    def processor(width: int):
        return crop(picture, ratio, width) if ratio else Fit(width)

    unique = {}
    for width in widths:
        proc = processor(width)
        unique.setdefault(proc.output_size(size), proc)
    jpeg = [rendition(picture, proc) for proc in unique.values()]
    webp = [rendition(picture, proc, "WEBP") for proc in unique.values()]
    default = jpeg[min(1, len(jpeg) - 1)]
    return {
        "src": default.url,
        "width": default.width,
        "height": default.height,
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in jpeg),
        "webp_srcset": ", ".join(f"{r.url} {r.width}w" for r in webp),
    }
