"""The dashboard's „Bildrechte laufen ab“ (articles/newsroom/picture_rights.py):
for editors, the pictures in use whose rights end within 14 days, with their
uses, linking to the library filtered the same way; queries that do not grow
with the library."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import InlinePicture
from pictures.models import Picture
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def block_html(html: str) -> str:
    start = html.index('data-dashboard-block="picture-rights"')
    return html[start : html.index("</section>", start)]


def test_editors_see_the_pictures_in_use_whose_rights_end_soon(client, editor):
    featured = PictureFactory(caption="Messe in Hannover", rights_end=days(3))
    inline = PictureFactory(caption="Brücke in Kassel", rights_end=days(0))
    portrait = PictureFactory(caption="Porträt Haverkamp", rights_end=days(14))
    PictureFactory(caption="Unbenutzt", rights_end=days(2))
    later = PictureFactory(caption="Später", rights_end=days(15))
    ended = PictureFactory(caption="Abgelaufen", rights_end=days(-1))
    article = ArticleFactory(title="Roboter auf der Messe", picture=featured)
    ArticleFactory(picture=later)
    ArticleFactory(picture=ended)
    InlinePicture.objects.create(article=article, picture=inline)
    AuthorFactory(first_name="Lene", last_name="Haverkamp", portrait=portrait)
    client.force_login(editor)

    block = block_html(client.get(INDEX).content.decode())
    assert "Bildrechte laufen ab" in block and "(3)" in block
    listed = [
        caption
        for caption in ("Brücke in Kassel", "Messe in Hannover", "Porträt Haverkamp")
        if caption in block
    ]
    assert listed == ["Brücke in Kassel", "Messe in Hannover", "Porträt Haverkamp"]
    assert block.index("Brücke in Kassel") < block.index("Messe in Hannover")
    assert "Unbenutzt" not in block and "Später" not in block
    assert "Abgelaufen" not in block
    assert "darf bis heute Abend gezeigt werden" in block
    assert "(noch 3 Tage)" in block
    assert "Roboter auf der Messe</a> (Aufmacherbild)" in block
    assert "(Bild im Text)" in block and "Lene Haverkamp</a> (Porträt)" in block
    assert f'/admin/articles/article/{article.pk}/change/"' in block

    link = "/admin/pictures/picture/?rights=ending&amp;used=yes"
    assert link in block
    listed = client.get(link.replace("&amp;", "&")).context["cl"].result_list
    assert {picture.pk for picture in listed} == {featured.pk, inline.pk, portrait.pk}


def test_journalists_do_not_get_the_block(client, journalist):
    ArticleFactory(picture=PictureFactory(rights_end=days(3)))
    client.force_login(journalist)
    assert "picture-rights" not in client.get(INDEX).content.decode()


def test_an_editor_without_ending_rights_reads_so(client, editor):
    client.force_login(editor)
    block = block_html(client.get(INDEX).content.decode())
    assert "Kein verwendetes Bild verliert in den nächsten 14 Tagen" in block


def test_the_blocks_queries_do_not_grow_with_the_library(
    client, editor, django_assert_max_num_queries
):
    first = PictureFactory()

    def ending_pictures(count: int) -> None:
        pictures = Picture.objects.bulk_create(
            [
                Picture(
                    file=first.file.name,
                    alt_text=f"Bild {n}",
                    width=1600,
                    height=900,
                    rights_end=days(n % 14),
                )
                for n in range(count)
            ]
        )
        for picture in pictures:
            article = ArticleFactory(picture=picture, authors=[])
            InlinePicture.objects.create(article=article, picture=picture)

    ending_pictures(2)
    client.force_login(editor)
    client.get(INDEX)  # renditions made once
    with CaptureQueriesContext(connection) as small:
        assert "(2)" in block_html(client.get(INDEX).content.decode())
    ending_pictures(30)
    with django_assert_max_num_queries(len(small)):
        html = client.get(INDEX).content.decode()
    block = block_html(html)
    assert "(32)" in block and block.count('class="dashboard-row') == 10
    assert "Alle 32 Bilder zeigen" in block
