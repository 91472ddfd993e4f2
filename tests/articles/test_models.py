import pytest
from django.utils import timezone

from articles.models import Article
from core.slugs import german_slugify
from tests.factories import ArticleFactory, AuthorFactory, PictureFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Übersicht für Käufer", "uebersicht-fuer-kaeufer"),
        ("Straßenbau in Köln", "strassenbau-in-koeln"),
        ("Vertrieb 3.0", "vertrieb-3-0"),
        ("ÄÖÜ äöü ß", "aeoeue-aeoeue-ss"),
    ],
)
def test_german_slugify_transliterates_umlauts(title, slug):
    assert german_slugify(title) == slug


def test_slug_is_derived_from_the_title_when_empty():
    article = ArticleFactory(title="Übersicht für Käufer", slug="")
    assert article.slug == "uebersicht-fuer-kaeufer"


def test_derived_slug_is_made_unique():
    first = ArticleFactory(title="Vertrieb 3.0", slug="")
    second = ArticleFactory(title="Vertrieb 3.0", slug="")
    assert (first.slug, second.slug) == ("vertrieb-3-0", "vertrieb-3-0-2")


def test_explicit_slug_is_kept():
    assert ArticleFactory(title="Egal", slug="mein-slug").slug == "mein-slug"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hallo<script>alert(1)</script></p>", "<p>Hallo</p>"),
        # Images are allowed since figures came in (Figure/Image); handlers are not.
        ('<p><img src="x" onerror="alert(1)">Bild</p>', '<p><img src="x">Bild</p>'),
        ('<p onclick="alert(1)">Text</p>', "<p>Text</p>"),
        ('<p><a href="javascript:alert(1)">Link</a></p>', "<p><a>Link</a></p>"),
        ('<p style="color:red">Stil</p>', "<p>Stil</p>"),
        ("<iframe src='https://example.com'></iframe><p>x</p>", "<p>x</p>"),
    ],
)
def test_body_is_sanitised_on_every_save(dirty, clean):
    article = ArticleFactory()
    article.body = dirty  # as an import or the shell would
    article.save()
    article.refresh_from_db()
    assert article.body == clean


def test_sanitiser_keeps_the_editors_formatting():
    html = (
        "<h2>Zwischentitel</h2><p><strong>fett</strong> <em>kursiv</em> "
        '<a href="https://example.org/quelle">Quelle</a></p>'
        "<ul><li>eins</li></ul><ol><li>zwei</li></ol><blockquote><p>Zitat</p></blockquote>"
    )
    assert ArticleFactory(body=html).body == html


def test_publishing_without_a_time_sets_it_to_now():
    before = timezone.now()
    article = ArticleFactory(status=Article.Status.PUBLISHED, publish_at=None)
    assert article.publish_at >= before
    assert article.is_published


def test_draft_keeps_an_empty_publication_time():
    article = ArticleFactory(status=Article.Status.DRAFT, publish_at=None)
    assert article.publish_at is None
    assert not article.is_published


def test_picture_caption_is_the_articles_own_or_the_pictures_default():
    picture = PictureFactory.build(caption="Die Standardunterschrift")
    assert ArticleFactory.build(picture=picture).picture_caption == (
        "Die Standardunterschrift"
    )
    own = ArticleFactory.build(picture=picture, image_caption="Nur hier")
    assert own.picture_caption == "Nur hier"
    assert ArticleFactory.build().picture_caption == ""


def test_byline_keeps_author_order():
    first, second = AuthorFactory(last_name="Zander"), AuthorFactory(last_name="Abel")
    article = ArticleFactory(authors=[first, second])
    assert article.byline_authors == [first, second]


def test_reading_minutes():
    article = ArticleFactory.build(body="<p>" + "Wort " * 600 + "</p>", lead="kurz")
    assert article.reading_minutes == 3


def test_str_and_absolute_url():
    article = ArticleFactory(title="Titel", slug="titel")
    assert str(article) == "Titel"
    assert article.get_absolute_url() == "/artikel/titel/"
    assert article.category.get_absolute_url() == f"/rubrik/{article.category.slug}/"


def test_author_display_name():
    author = AuthorFactory(honorific="Dr.", first_name="Anna", last_name="Berger")
    assert author.display_name == "Dr. Anna Berger"
    assert str(author) == "Dr. Anna Berger"
    assert AuthorFactory(first_name="Jan", last_name="Ohm").display_name == "Jan Ohm"
