import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from core.uploads import validate_image_upload
from pictures.models import Picture
from tests.factories import CategoryFactory, PictureFactory, image_file

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
def test_library_picture_is_stored_without_metadata_and_upright(fmt):
    # Featured images and author portraits are library pictures.
    picture = PictureFactory(file=photo_with_exif(fmt))
    picture = Picture.objects.get(pk=picture.pk)
    with Image.open(picture.file.path) as stored:
        assert stored.format == fmt
        assert dict(stored.getexif()) == {}
        assert stored.size == (20, 40)  # turned upright before the EXIF went
    assert (picture.width, picture.height) == (20, 40)


def test_existing_image_is_not_reencoded_on_every_save():
    picture = PictureFactory(file=photo_with_exif())
    path = Path(picture.file.path)
    before = path.read_bytes()
    picture.caption = "Neue Unterschrift"
    picture.save()
    assert path.read_bytes() == before


# --- Animations and names (issue #21, 7 and 18) ----------------------------------


def animated_gif(*, frames: int, size: tuple[int, int], name="animiert.gif"):
    """A real animated GIF: ``frames`` frames of ``size``, each another colour."""
    # Pillow merges identical frames: each gets a grey of its own (frames of
    # one colour would merge, and "L" saves fast, with no quantising).
    images = [Image.new("L", size, number % 256) for number in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:])
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/gif")


def refusal_code(upload) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_image_upload(upload)
    return refused.value.code


def test_an_animated_gif_bomb_is_refused_by_the_pixels_of_all_frames():
    # Each frame is well under the 40-megapixel limit; all eleven are not.
    bomb = animated_gif(frames=11, size=(2000, 2000))
    assert bomb.size < 1_000_000  # small on disk, 44 megapixels to decode
    assert refusal_code(bomb) == "too_many_pixels"


def test_an_animation_with_too_many_frames_is_refused(settings):
    assert settings.MAX_IMAGE_FRAMES == 200
    assert refusal_code(animated_gif(frames=201, size=(8, 8))) == "too_many_frames"


def test_the_admin_refuses_the_bomb_with_a_form_error(client, editor):
    from tests.articles.test_admin import ADD_URL, article_form, error_codes

    client.force_login(editor)
    data = article_form(CategoryFactory(), picture_upload_alt="Bombe")
    data["picture_upload"] = animated_gif(frames=11, size=(2000, 2000))
    response = client.post(ADD_URL, data)
    assert error_codes(response, "picture_upload") == ["too_many_pixels"]
    assert not Article.objects.exists() and not Picture.objects.exists()


def test_a_small_animation_is_stored_with_all_its_frames():
    picture = PictureFactory(file=animated_gif(frames=12, size=(48, 27)))
    with Image.open(Picture.objects.get(pk=picture.pk).file.path) as stored:
        assert stored.n_frames == 12


@pytest.mark.parametrize(
    ("name", "fmt", "stored_as"),
    [
        ("png-as.pdf", "PNG", ".png"),
        ("scan.eps", "PNG", ".png"),
        ("foto.png", "JPEG", ".jpg"),
        ("bild.jpeg", "JPEG", ".jpg"),
        ("animiert.webp", "GIF", ".gif"),
    ],
)
def test_an_image_is_stored_under_the_extension_of_its_real_format(
    name, fmt, stored_as
):
    picture = PictureFactory(file=image_file(name, fmt=fmt))
    stored = Picture.objects.get(pk=picture.pk).file
    assert Path(stored.name).suffix == stored_as
    assert Path(stored.name).stem.startswith(Path(name).stem)
    with Image.open(stored.path) as image:
        assert image.format == fmt
