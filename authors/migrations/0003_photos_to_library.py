"""Every author photo becomes a library picture (the stored file is taken
over by its name, not copied); the author points at it as the portrait."""

from django.core.files.storage import default_storage
from django.db import migrations
from PIL import Image


def image_size(name: str) -> tuple[int, int]:
    try:
        with default_storage.open(name) as file, Image.open(file) as image:
            return image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return 0, 0


def photos_to_library(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    Picture = apps.get_model("pictures", "Picture")
    for author in Author.objects.exclude(photo="").order_by("pk").iterator():
        name = f"{author.honorific} {author.first_name} {author.last_name}".strip()
        width, height = image_size(author.photo.name)
        portrait = Picture.objects.create(
            file=author.photo.name,
            alt_text=name[:250],
            caption=name[:300],
            width=width,
            height=height,
        )
        Author.objects.filter(pk=author.pk).update(portrait=portrait)


def library_to_photos(apps, schema_editor):
    Author = apps.get_model("authors", "Author")
    for author in Author.objects.filter(portrait__isnull=False).select_related(
        "portrait"
    ):
        Author.objects.filter(pk=author.pk).update(photo=author.portrait.file.name)


class Migration(migrations.Migration):
    dependencies = [("authors", "0002_author_portrait")]

    operations = [migrations.RunPython(photos_to_library, library_to_photos)]
