import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

GPS_IFD, ORIENTATION, MAKE, ARTIST = 0x8825, 0x0112, 0x010F, 0x013B


def photo_with_exif(fmt="JPEG") -> SimpleUploadedFile:
    """A 40×20 photo taken on its side (orientation 6), with GPS and camera data."""
    image = Image.new("RGB", (40, 20), (200, 30, 30))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "Kameraland"
    exif[ARTIST] = "Geheime Fotografin"
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    )
    buffer = io.BytesIO()
    image.save(buffer, fmt, exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()[MAKE] == "Kameraland"
    return SimpleUploadedFile(f"urlaub.{fmt.lower()}", buffer.getvalue())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_article_image_is_stored_without_metadata_and_upright(fmt):
    article = ArticleFactory(image=photo_with_exif(fmt))
    with Image.open(Article.objects.get(pk=article.pk).image.path) as stored:
        assert stored.format == fmt
        assert dict(stored.getexif()) == {}
        assert stored.size == (20, 40)  # turned upright before the EXIF went


def test_author_photo_is_stored_without_metadata():
    author = AuthorFactory(photo=photo_with_exif())
    with Image.open(author.photo.path) as stored:
        assert dict(stored.getexif()) == {}


def test_existing_image_is_not_reencoded_on_every_save():
    article = ArticleFactory(image=photo_with_exif())
    path = Path(article.image.path)
    before = path.read_bytes()
    article.title = "Neuer Titel"
    article.save()
    assert path.read_bytes() == before
