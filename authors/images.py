"""Uploaded images lose their metadata before they are stored.

Photos from cameras and phones carry EXIF data: GPS position, device serial
numbers, sometimes the photographer's name. None of it belongs on a public web
server. Images are re-encoded without metadata, after turning them upright
according to their EXIF orientation (which is lost with the metadata).
"""

import io
from pathlib import PurePath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

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
