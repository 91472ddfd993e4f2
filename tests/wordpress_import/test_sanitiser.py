"""The editor's allowlist now has figures with captions and inline images
(ARTICLE_BODY_EXTENSIONS: Figure, Caption, Image), and nothing more."""

import pytest

from tests.factories import ArticleFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        (
            '<figure class="wp-block-image"><img src="/media/a.jpg" alt="A" '
            'width="3" height="2"><figcaption>Text</figcaption></figure>',
            '<figure class="wp-block-image"><img src="/media/a.jpg" alt="A" '
            'width="3" height="2"><figcaption>Text</figcaption></figure>',
        ),
        ('<img src="javascript:alert(1)" alt="x">', '<img alt="x">'),
        ('<img src="/a.jpg" style="width:1px" onload="x()">', '<img src="/a.jpg">'),
        (
            '<figure onclick="x()"><figcaption><script>x()</script>U</figcaption>'
            "</figure>",
            "<figure><figcaption>U</figcaption></figure>",
        ),
    ],
)
def test_figures_and_images_pass_the_sanitiser_without_attributes_of_their_own(
    dirty, clean
):
    article = ArticleFactory()
    article.body = dirty
    article.save()
    article.refresh_from_db()
    assert article.body == clean
