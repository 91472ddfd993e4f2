"""Uploaded images: validated, then stored without their metadata.

Shared by every app that accepts uploads (author photos, featured images, the
WordPress import's media).

Photos from cameras and phones carry EXIF data: GPS position, device serial
numbers, sometimes the photographer's name. None of it belongs on a public web
server. Images are re-encoded without metadata, after turning them upright
according to their EXIF orientation (which is lost with the metadata).
"""

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# Stored under the extension of what the file is, whatever it was called.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


def validate_image_upload(file) -> None:
    """Reject files over the size limit and images over the pixel limit.

    Django's ``ImageField`` already rejects files Pillow cannot read; this adds
    the limits that keep huge uploads (and decompression bombs) out. Pixels
    are counted over all frames of an animation (GIF, APNG, WebP), and the
    number of frames is capped, before anything is decoded: 120 frames of
    6,000 × 6,000 pixels fit in 3 MB of GIF.
    """
    if getattr(file, "_committed", False):
        return  # already stored: checked when it was uploaded
    max_bytes = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(max_bytes),
            },
        )
    image_format, (width, height), frames = _inspect(file)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted; use JPEG, PNG, WebP or GIF."),
            code="invalid_format",
            params={"format": image_format or _("Unknown")},
        )
    if frames > settings.MAX_IMAGE_FRAMES:
        raise ValidationError(
            _("The animation has %(frames)s frames; at most %(limit)s are allowed."),
            code="too_many_frames",
            params={"frames": frames, "limit": settings.MAX_IMAGE_FRAMES},
        )
    if frames > 1 and frames * width * height > settings.MAX_IMAGE_PIXELS:
        raise ValidationError(
            _(
                "The animation has %(frames)s frames of %(width)s × %(height)s "
                "pixels; at most %(megapixels)s megapixels are allowed in all."
            ),
            code="too_many_pixels",
            params={
                "frames": frames,
                "width": width,
                "height": height,
                "megapixels": settings.MAX_IMAGE_PIXELS // 1_000_000,
            },
        )
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise ValidationError(
            _(
                "The image has %(width)s × %(height)s pixels; at most "
                "%(megapixels)s megapixels are allowed."
            ),
            code="too_many_pixels",
            params={
                "width": width,
                "height": height,
                "megapixels": settings.MAX_IMAGE_PIXELS // 1_000_000,
            },
        )


def _inspect(file) -> tuple[str, tuple[int, int], int]:
    """Format, size and number of frames of the image; decodes the first frame
    (after the pixel checks) so that truncated files are caught now, not when a
    rendition is made. Counting GIF frames reads their headers only."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as opened:
            image_format, size = opened.format, opened.size
            frames = getattr(opened, "n_frames", 1)
            pixels = size[0] * size[1]
            if frames <= settings.MAX_IMAGE_FRAMES and (
                frames * pixels <= settings.MAX_IMAGE_PIXELS
            ):
                opened.load()
            return image_format, size, frames
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("Upload a valid image. The file is not an image or is damaged."),
            code="invalid_image",
        ) from exc
    finally:
        if position is not None:
            file.seek(position)


SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 92},
    "GIF": {},
}


def without_metadata(file) -> ContentFile:
    """A copy of the uploaded image ``file`` with all metadata removed, named
    with the extension of its real format (``png-as.pdf`` → ``png-as.png``)."""
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        buffer = io.BytesIO()
        if image_format == "GIF" and getattr(image, "is_animated", False):
            # Animated GIFs keep their frames; GIF has no EXIF, but comments go.
            image.info.pop("comment", None)
            image.save(buffer, "GIF", save_all=True)
        else:
            upright = ImageOps.exif_transpose(image)
            upright.info.clear()
            if image_format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
                upright = upright.convert("RGB")
            upright.save(buffer, image_format, **SAVE_OPTIONS.get(image_format, {}))
    name = PurePath(file.name).with_suffix(EXTENSIONS[image_format]).name
    return ContentFile(buffer.getvalue(), name=name)


def strip_metadata_of_new_upload(field_file) -> None:
    """Replace a not-yet-stored upload on ``field_file`` by its stripped copy,
    stored under the name of that copy (its real extension)."""
    if field_file and not field_file._committed:
        cleaned = without_metadata(field_file.file)
        field_file.file = cleaned
        field_file.name = cleaned.name
