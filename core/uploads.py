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


def validate_image_upload(file) -> None:
    """Reject files over the size limit and images over the pixel limit.

    Django's ``ImageField`` already rejects files Pillow cannot read; this adds
    the limits that keep huge uploads (and decompression bombs) out.
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
    image_format, (width, height) = _inspect(file)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted; use JPEG, PNG, WebP or GIF."),
            code="invalid_format",
            params={"format": image_format or _("Unknown")},
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


def _inspect(file) -> tuple[str, tuple[int, int]]:
    """Format and size of the image; decodes it fully (after the pixel check) so
    that truncated files are caught now, not when a rendition is made."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with Image.open(file) as opened:
            image_format, size = opened.format, opened.size
            if size[0] * size[1] <= settings.MAX_IMAGE_PIXELS:
                opened.load()
            return image_format, size
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
    """A copy of the uploaded image ``file`` with all metadata removed."""
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
    return ContentFile(buffer.getvalue(), name=PurePath(file.name).name)


def strip_metadata_of_new_upload(field_file) -> None:
    """Replace a not-yet-stored upload on ``field_file`` by its stripped copy."""
    if field_file and not field_file._committed:
        cleaned = without_metadata(field_file.file)
        field_file.file = cleaned
