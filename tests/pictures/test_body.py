"""Pictures inside the article text: the stored reference, the sanitiser,
rendering on every surface, expired rights, missing pictures, query budgets."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, InlinePicture
from pictures.body import missing_references, references_render
from tests.factories import ArticleFactory, PictureFactory

pytestmark = pytest.mark.django_db


def figure(pk, caption="Für diesen Artikel") -> str:
    return f'<figure data-picture="{pk}"><figcaption>{caption}</figcaption></figure>'


def test_the_sanitiser_keeps_a_valid_reference():
    picture = PictureFactory()
    article = ArticleFactory(body="<p>Vorher</p>" + figure(picture.pk))
    assert figure(picture.pk) in Article.objects.get(pk=article.pk).body


@pytest.mark.parametrize(
    ("forged", "kept"),
    [
        # foreign attributes go, the reference stays
        (
            '<figure data-picture="7" onclick="alert(1)" style="x" data-x="y">'
            "<figcaption>Bild</figcaption></figure>",
            figure(7, "Bild"),
        ),
        # an image with a URL inside the reference: only the caption stays
        (
            '<figure data-picture="7"><img src="javascript:alert(1)">'
            "<figcaption>Bild</figcaption></figure>",
            figure(7, "Bild"),
        ),
        # an id that is not a number: an ordinary figure
        (
            '<figure data-picture="7 or 1=1"><figcaption>Bild</figcaption></figure>',
            "<figure><figcaption>Bild</figcaption></figure>",
        ),
        (
            '<figure data-picture="javascript:alert(1)"><figcaption>Bild</figcaption>'
            "</figure>",
            "<figure><figcaption>Bild</figcaption></figure>",
        ),
        # script in the caption is removed by nh3
        (
            '<figure data-picture="7"><figcaption>Bild<script>alert(1)</script>'
            "</figcaption></figure>",
            figure(7, "Bild"),
        ),
    ],
    ids=[
        "foreign attributes",
        "javascript url",
        "sql in id",
        "javascript id",
        "script",
    ],
)
def test_the_sanitiser_drops_forged_references(forged, kept):
    article = ArticleFactory(body=forged)
    body = Article.objects.get(pk=article.pk).body
    assert body == kept
    assert "alert" not in body and "onclick" not in body


def test_a_reference_renders_a_responsive_figure_with_caption_and_credit(client):
    picture = PictureFactory(
        alt_text="Ein Roboterarm", photographer="Jana Beispiel", source="dpa"
    )
    article = ArticleFactory(body="<p>Text</p>" + figure(picture.pk, "Nur hier"))
    html = client.get(article.get_absolute_url()).content.decode()
    start = html.index('<figure class="picture-figure">')
    rendered = html[start : html.index("</figure>", start)]
    assert 'alt="Ein Roboterarm"' in rendered
    assert 'loading="lazy"' in rendered and 'type="image/webp"' in rendered
    assert 'srcset="' in rendered and 'sizes="' in rendered
    assert 'width="760"' in rendered  # the article column
    assert "Nur hier" in rendered and "Bild: © Jana Beispiel, dpa" in rendered
    assert "data-picture" not in html


def test_a_reference_without_caption_shows_the_default_caption():
    picture = PictureFactory(caption="Die Standardunterschrift")
    html = references_render(f'<figure data-picture="{picture.pk}"></figure>')
    assert "Die Standardunterschrift" in html


def test_a_missing_picture_renders_nothing_and_is_named():
    body = "<p>Text</p>" + figure(987654)
    assert references_render(body) == "<p>Text</p>"
    assert missing_references(body) == [987654]


def test_expired_rights_hide_the_picture_on_every_surface(client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = PictureFactory(rights_end=yesterday, photographer="Abgelaufen")
    article = ArticleFactory(picture=expired, body="<p>Text</p>" + figure(expired.pk))
    file_part = expired.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for url in [
        article.get_absolute_url(),
        "/",
        article.category.get_absolute_url(),
        f"{article.get_absolute_url()}drucken/",
        "/feed/",
        "/feed/atom/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Abgelaufen" not in html, url
        assert file_part not in html, url
    assert "og:image" not in client.get(article.get_absolute_url()).content.decode()


def test_rights_ending_today_still_show():
    picture = PictureFactory(rights_end=timezone.localdate())
    assert picture.is_usable
    assert "<picture>" in references_render(figure(picture.pk))


def test_inline_uses_are_recorded_and_follow_the_body():
    first, second = PictureFactory(), PictureFactory()
    article = ArticleFactory(body=figure(first.pk) + figure(second.pk) + figure(99999))
    assert set(article.inline_pictures.values_list("picture", flat=True)) == {
        first.pk,
        second.pk,
    }
    article.body = figure(second.pk)
    article.save()
    assert list(InlinePicture.objects.values_list("picture", flat=True)) == [second.pk]


def test_ten_inline_pictures_render_in_as_few_queries_as_one(
    client, django_assert_max_num_queries
):
    one = ArticleFactory(body=figure(PictureFactory().pk))
    ten = ArticleFactory(body="".join(figure(PictureFactory().pk) for _ in range(10)))
    client.get(one.get_absolute_url())  # warms the renditions and caches
    client.get(ten.get_absolute_url())
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for article in (one, ten):
        cache.clear()  # the body fragment is rendered again
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[0], counts
    with django_assert_max_num_queries(counts[0]):
        cache.clear()
        client.get(ten.get_absolute_url())
