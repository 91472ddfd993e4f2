"""The PDF of an article with two pictures inside its text embeds both
(counted with pypdf); an expired one is left out."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import ArticleFactory, PictureFactory, image_file

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pdf(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PDF_WAIT_SECONDS = 120  # a loaded test machine typesets slowly


def figure(picture) -> str:
    return (
        f'<figure data-picture="{picture.pk}"><figcaption>Im Text</figcaption></figure>'
    )


def embedded_images(response) -> int:
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    reader = PdfReader(io.BytesIO(content))
    return sum(len(page.images) for page in reader.pages)


def test_the_pdf_embeds_both_inline_pictures_and_not_an_expired_one(client):
    first = PictureFactory(file=image_file("eins.jpg", size=(800, 450)))
    second = PictureFactory(file=image_file("zwei.png", size=(600, 600), fmt="PNG"))
    article = ArticleFactory(body=f"<p>A</p>{figure(first)}<p>B</p>{figure(second)}")
    response = client.get(f"{article.get_absolute_url()}pdf/")
    assert response.status_code == 200
    assert embedded_images(response) == 2

    second.rights_end = timezone.localdate() - datetime.timedelta(days=1)
    second.save()
    response = client.get(f"{article.get_absolute_url()}pdf/")
    assert response.status_code == 200
    assert embedded_images(response) == 1  # a new PDF: the picture is part of its key
