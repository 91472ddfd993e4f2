"""Writes to the picture library: called by the admin's upload, the
WordPress import and the demo."""

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image

from pictures.models import Picture


def stored_image_size(name: str) -> tuple[int, int]:
    """Width and height from the stored file's header; (0, 0) if it cannot
    be read."""
    try:
        with default_storage.open(name) as file, Image.open(file) as image:
            return image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return 0, 0


@transaction.atomic
def picture_create(
    *,
    file: File,
    alt_text: str,
    caption: str = "",
    photographer: str = "",
    source: str = "",
    uploaded_by=None,
    focal: tuple[int, int] = (50, 50),
    **fields,
) -> Picture:
    """A new library picture from an uploaded or generated file: validated
    (format, size, pixels) and stored without its metadata."""
    picture = Picture(
        file=file,
        alt_text=alt_text[:250],
        caption=caption[:300],
        photographer=photographer[:150],
        source=source[:150],
        uploaded_by=uploaded_by,
        focal_x=focal[0],
        focal_y=focal[1],
        **fields,
    )
    picture.full_clean()
    picture.save()
    return picture


def picture_from_stored_file(
    *,
    name: str,
    alt_text: str,
    caption: str = "",
    photographer: str = "",
    source: str = "",
    uploaded_by=None,
) -> Picture:
    """A library picture for a file already in the media storage (the
    WordPress import stores and checks its media itself): the file is taken
    over by its name, not copied. A dry run of the import stores nothing:
    its pictures have no size (and are rolled back)."""
    width, height = stored_image_size(name)
    return Picture.objects.create(
        file=name,
        alt_text=alt_text[:250],
        caption=caption[:300],
        photographer=photographer[:150],
        source=source[:150],
        uploaded_by=uploaded_by,
        width=width,
        height=height,
    )
