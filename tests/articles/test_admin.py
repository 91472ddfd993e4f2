import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article
from pictures.models import Picture
from tests.factories import ArticleFactory, AuthorFactory, CategoryFactory, image_file

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


def article_form(category, **overrides):
    data = {
        "title": "Übersicht für Käufer",
        "slug": "",
        "lead": "Ein Vorspann.",
        "body": "<p>Text</p>",
        "category": category.pk,
        "tags": "Vertrieb, Mittelstand",
        "status": Article.Status.DRAFT,
        "picture": "",
        "picture_upload_alt": "",
        "picture_upload_photographer": "",
        "picture_upload_source": "",
        "image_caption": "",
        "meta_description": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        # The inline the ratings app adds through articles.extensions.
        "rating_summary-TOTAL_FORMS": "0",
        "rating_summary-INITIAL_FORMS": "0",
        "rating_summary-MIN_NUM_FORMS": "0",
        "rating_summary-MAX_NUM_FORMS": "1",
    }
    data.update(overrides)
    return data


def form_errors(response) -> str:
    assert response.status_code == 200, "expected the form back with errors"
    return str(response.context["adminform"].form.errors)


def error_codes(response, field) -> list[str]:
    assert response.status_code == 200, "expected the form back with errors"
    form = response.context["adminform"].form
    return [error.code for error in form.errors.as_data()[field]]


def test_journalist_writes_an_article_and_submits_it_for_review(client, journalist):
    profile = AuthorFactory(user=journalist)
    category = CategoryFactory()
    client.force_login(journalist)

    response = client.post(
        ADD_URL,
        article_form(
            category,
            status=Article.Status.REVIEW,
            body="<p><strong>fett</strong><script>alert(1)</script></p>",
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == "uebersicht-fuer-kaeufer"
    assert article.status == Article.Status.REVIEW
    assert article.body == "<p><strong>fett</strong></p>"
    assert article.created_by == journalist
    assert article.byline_authors == [profile]
    assert set(article.tags.names()) == {"Vertrieb", "Mittelstand"}
    assert client.get(article.get_absolute_url()).status_code == 200  # preview
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_journalist_cannot_publish(client, journalist):
    category = CategoryFactory()
    client.force_login(journalist)
    response = client.post(ADD_URL, article_form(category, status="published"))
    assert "published" in form_errors(response)
    assert not Article.objects.exists()
    response = client.get(ADD_URL)
    assert b'value="published"' not in response.content
    assert b'name="publish_at' not in response.content


def test_journalist_sees_and_edits_only_their_own_articles(client, journalist):
    own = ArticleFactory(
        status=Article.Status.DRAFT, created_by=journalist, title="Meiner"
    )
    other = ArticleFactory(status=Article.Status.DRAFT, title="Fremder")
    client.force_login(journalist)

    changelist = client.get("/admin/articles/article/").content.decode()
    assert "Meiner" in changelist and "Fremder" not in changelist
    assert client.get(f"/admin/articles/article/{own.pk}/change/").status_code == 200
    assert client.get(f"/admin/articles/article/{other.pk}/change/").status_code == 302
    # The publish action is not offered to journalists; posting it changes nothing.
    client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [own.pk]},
    )
    own.refresh_from_db()
    assert own.status == Article.Status.DRAFT


def test_editor_publishes_with_the_admin_action(client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW, publish_at=None)
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published


def test_editor_schedules_an_article(client, editor):
    category = CategoryFactory()
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        article_form(
            category,
            status="published",
            publish_at_0="01.01.2099",
            publish_at_1="09:00:00",
            # The pre-publish checklist wants a byline (articles/newsroom/checklist.py).
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-author": AuthorFactory().pk,
                "bylines-0-position": "0",
            },
        ),
    )
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert article.is_scheduled
    assert article.publish_at.isoformat() == "2099-01-01T08:00:00+00:00"  # 09:00 CET


def test_admin_shows_the_time_zone_of_the_publication_time(client, editor):
    client.force_login(editor)
    assert "Europe/Berlin" in client.get(ADD_URL).content.decode()


def test_moderator_has_no_access_to_articles(client, moderator):
    client.force_login(moderator)
    assert client.get("/admin/articles/article/").status_code == 403
    assert client.get(ADD_URL).status_code == 403


def test_duplicate_slug_is_a_form_error(client, editor):
    ArticleFactory(slug="vergeben")
    client.force_login(editor)
    response = client.post(ADD_URL, article_form(CategoryFactory(), slug="vergeben"))
    assert "slug" in form_errors(response)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be width × height pixels: a decompression bomb."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def png_bytes(size, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("text.jpg", b"kein Bild", "image/jpeg"), "invalid_image"),
        (
            SimpleUploadedFile("kaputt.jpg", image_file().read()[:200], "image/jpeg"),
            "invalid_image",
        ),
        (
            SimpleUploadedFile(
                "riesig.png",
                png_bytes((10, 10)) + b"\0" * (10 * 1024 * 1024 + 1),
                "image/png",
            ),
            "file_too_large",
        ),
        (
            SimpleUploadedFile(
                "megapixel.png", png_bytes((8000, 5001), mode="1"), "image/png"
            ),
            "too_many_pixels",
        ),
        (image_file("bild.bmp", fmt="BMP"), "invalid_format"),
        (
            SimpleUploadedFile(
                "bombe.png", png_header_only(50_000, 50_000), "image/png"
            ),
            "invalid_image",
        ),
    ],
    ids=["not-an-image", "corrupt", "over-10-mb", "over-40-megapixels", "bmp", "bomb"],
)
def test_bad_images_are_rejected_with_a_form_error(client, editor, upload, code):
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        article_form(
            CategoryFactory(), picture_upload=upload, picture_upload_alt="Bild"
        ),
    )
    assert error_codes(response, "picture_upload") == [code]
    assert 'id="id_picture_upload_error"' in response.content.decode()
    assert not Article.objects.exists()


def test_image_uploaded_in_place_goes_into_the_library_with_a_preview(client, editor):
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        article_form(
            CategoryFactory(),
            picture_upload=image_file("bild.webp", size=(1200, 800), fmt="WEBP"),
            picture_upload_alt="Ein Bild",
            picture_upload_photographer="Jana Beispiel",
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    picture = article.picture
    assert picture.file.name.startswith("pictures/")
    assert (picture.alt_text, picture.photographer) == ("Ein Bild", "Jana Beispiel")
    assert (picture.width, picture.height, picture.uploaded_by) == (1200, 800, editor)
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    preview = re.search(r'class="picture-thumbnail" src="([^"]+)"', page).group(1)
    with Image.open(
        Path(settings.MEDIA_ROOT) / preview.removeprefix("/media/")
    ) as crop:
        assert crop.size == (640, 360)


def test_image_uploaded_in_place_needs_its_alt_text(client, editor):
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        article_form(
            CategoryFactory(), picture_upload=image_file("bild.png", fmt="PNG")
        ),
    )
    assert error_codes(response, "picture_upload_alt") == ["required"]
    assert not Picture.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "keine-adresse"), ("website", "kein url")],
)
def test_author_email_and_url_must_parse(client, editor, field, value):
    client.force_login(editor)
    data = {
        "honorific": "",
        "first_name": "Anna",
        "last_name": "Berger",
        "slug": "anna-berger",
        "pronoun": "f",
        "short_bio": "",
        "bio": "",
        "topics": "",
        "website": "",
        "email": "",
        field: value,
    }
    response = client.post("/admin/authors/author/add/", data)
    assert field in form_errors(response)


@pytest.mark.parametrize("role", ["editor", "journalist"])
def test_editors_and_journalists_set_the_byline(client, request, role):
    user = request.getfixturevalue(role)
    first, second = AuthorFactory(), AuthorFactory()
    client.force_login(user)
    assert b'name="bylines-TOTAL_FORMS"' in client.get(ADD_URL).content
    response = client.post(
        ADD_URL,
        article_form(
            CategoryFactory(),
            **{
                "bylines-TOTAL_FORMS": "2",
                "bylines-0-author": first.pk,
                "bylines-0-position": "0",
                "bylines-1-author": second.pk,
                "bylines-1-position": "1",
            },
        ),
    )
    assert response.status_code == 302, form_errors(response)
    assert Article.objects.get().byline_authors == [first, second]
