"""Media on S3-compatible object storage (DJANGO_S3_*), against a real
S3 server process: moto in server mode, started on loopback by the test."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from tests.config.test_settings import run_with_env
from tests.servers import free_port, object_store

PRINT_STORAGE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'], "
    "'media_url': settings.MEDIA_URL, "
    "'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


def s3_settings(settings, store, *, public=True):
    env = store.environment(public=public)
    options = {
        "bucket_name": env["DJANGO_S3_BUCKET"],
        "endpoint_url": env["DJANGO_S3_ENDPOINT_URL"],
        "region_name": env["DJANGO_S3_REGION"],
        "access_key": "test",
        "secret_key": "test",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": not public,
    }
    if public:
        options |= {
            "custom_domain": env["DJANGO_S3_PUBLIC_URL"].removeprefix("http://"),
            "url_protocol": "http:",
        }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_bucket_variables_switch_media_to_object_storage():
    env = {
        "DJANGO_DEBUG": "1",
        "DJANGO_S3_BUCKET": "magazin-media",
        "DJANGO_S3_ENDPOINT_URL": "https://s3.example.net",
        "DJANGO_S3_PUBLIC_URL": "https://media.magazin.example/",
    }
    result = run_with_env(PRINT_STORAGE, **env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["backend"] == "storages.backends.s3.S3Storage"
    assert values["media_url"] == "https://media.magazin.example/"
    assert "https://media.magazin.example" in values["img_src"]

    # Without a public address: signed URLs from the endpoint.
    del env["DJANGO_S3_PUBLIC_URL"]
    values = json.loads(run_with_env(PRINT_STORAGE, **env).stdout)
    assert "https://s3.example.net" in values["img_src"]

    # Not set: the local disk, as ever.
    values = json.loads(run_with_env(PRINT_STORAGE, DJANGO_DEBUG="1").stdout)
    assert values["backend"] == "django.core.files.storage.FileSystemStorage"
    assert values["media_url"] == "/media/"


def test_uploads_land_in_the_bucket_and_are_served_from_its_address(settings):
    with object_store() as store:
        s3_settings(settings, store)
        name = default_storage.save(
            "articles/2026/12/werkhalle.jpg", ContentFile(jpeg_bytes())
        )
        again = default_storage.save(
            "articles/2026/12/werkhalle.jpg", ContentFile(jpeg_bytes())
        )
        assert name != again  # two uploads of one name keep both
        assert store.keys() == sorted([name, again])
        url = default_storage.url(name)
        assert url == f"{store.endpoint}/{store.bucket}/{name}"
        with default_storage.open(name) as stored:
            assert Image.open(stored).size == (64, 48)


def test_signed_urls_without_a_public_address(settings):
    with object_store() as store:
        s3_settings(settings, store, public=False)
        name = default_storage.save("autoren/portrait.jpg", ContentFile(jpeg_bytes()))
        url = default_storage.url(name)
        assert url.startswith(f"{store.endpoint}/{store.bucket}/{name}?")
        assert "Signature=" in url or "X-Amz-Signature=" in url


@pytest.mark.django_db
def test_healthz_asks_the_object_store(settings):
    with object_store() as store:
        s3_settings(settings, store)
        healthy = Client().get("/healthz")
        assert healthy.json()["checks"]["storage"] == "ok"
    # The store is gone (nothing listens at its address any more).
    settings.STORAGES["default"]["OPTIONS"]["endpoint_url"] = (
        f"http://127.0.0.1:{free_port()}"
    )
    settings.STORAGES = dict(settings.STORAGES)  # tell Django the setting changed
    gone = Client().get("/healthz")
    assert gone.status_code == 503
    assert gone.json()["checks"]["storage"] == "failing"


def test_a_pdf_shows_pictures_from_the_object_store(settings):
    """WeasyPrint's fetcher reads media through the storage, with the site's
    credentials: a picture in the bucket is in the PDF (and nothing is fetched
    from anywhere else)."""
    from pypdf import PdfReader

    from printing import pdf

    with object_store() as store:
        s3_settings(settings, store, public=False)  # signed URLs: the hardest case
        name = default_storage.save("articles/bild.jpg", ContentFile(jpeg_bytes()))
        url = default_storage.url(name)
        html = f'<html><body><p>Bild:</p><img src="{url}"></body></html>'
        with_picture = PdfReader(io.BytesIO(pdf.typeset(html, identifier="t")))
        missing = html.replace(name, "articles/gibt-es-nicht.jpg")
        without = PdfReader(io.BytesIO(pdf.typeset(missing, identifier="t")))
    assert len(with_picture.pages[0].images) == 1
    assert len(without.pages[0].images) == 0


@pytest.mark.django_db
def test_image_validation_and_renditions_work_from_the_bucket(settings):
    """The picture's size is read from its file in the bucket, and its
    renditions are made from the bucket into the bucket."""
    from pictures.renditions import srcset
    from pictures.services import picture_from_stored_file
    from tests.factories import image_file

    with object_store() as store:
        s3_settings(settings, store)
        name = default_storage.save(
            "pictures/2026/12/halle.jpg", image_file("halle.jpg", size=(1600, 900))
        )
        picture = picture_from_stored_file(name=name, alt_text="Die Halle")
        assert (picture.width, picture.height) == (1600, 900)
        pictures = srcset(picture, widths=(480,), ratio=None)
        address = pictures["src"]
        assert address.startswith(f"{store.endpoint}/{store.bucket}/")
        key = address.removeprefix(f"{store.endpoint}/{store.bucket}/")
        stored = store.keys()
        assert key in stored and key != name
        body = store.client().get_object(Bucket=store.bucket, Key=key)["Body"].read()
        assert Image.open(io.BytesIO(body)).size == (480, 270)


def under(store, folder: str) -> list[str]:
    stored = store.keys()
    return [key for key in stored if key.startswith(folder)]


@pytest.mark.django_db
def test_a_cached_pdf_lives_in_the_bucket_and_goes_with_the_article(
    settings, django_capture_on_commit_callbacks
):
    pytest.importorskip("weasyprint")
    from articles.models import Article
    from printing.models import PdfRender
    from tests.factories import ArticleFactory

    with object_store() as store:
        s3_settings(settings, store)
        article = ArticleFactory(title="Aus dem Eimer", status=Article.Status.PUBLISHED)
        url = f"/artikel/{article.slug}/pdf/"
        first = Client().get(url)
        assert first.status_code == 200 and first["X-PDF-Cache"] == "miss"
        assert b"".join(first.streaming_content).startswith(b"%PDF")
        folder = f"pdf/{article.pk}/"
        keys = under(store, folder)
        assert len(keys) == 1 and keys[0].startswith(f"{folder}de-")
        assert not PdfRender.objects.exists()  # the lock is released
        again = Client().get(url)
        assert again["X-PDF-Cache"] == "hit"
        assert b"".join(again.streaming_content).startswith(b"%PDF")

        with django_capture_on_commit_callbacks(execute=True):
            article.status = Article.Status.DRAFT
            article.save()
        assert under(store, folder) == []
