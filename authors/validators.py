"""Validators for uploaded images, shared by every app that accepts uploads.

``authors`` is the app every content app depends on, so shared upload rules live
here rather than in a catch-all module.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

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
