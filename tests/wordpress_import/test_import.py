"""``import_wordpress`` on hand-written WXR files (tests/…/fixtures)."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.files.storage import default_storage
from django.core.management import CommandError

from articles.models import Article, Category, Tag
from authors.models import Author
from pictures.models import Picture
from tests.wordpress_import.helpers import run
from wordpress_import.models import LegacyURL, WordPressObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(fixtures):
    return run(fixtures / "magazin.xml", media_dir=fixtures / "uploads")


def counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "authors": Author.objects.count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        "old addresses": LegacyURL.objects.count(),
        "records": WordPressObject.objects.count(),
    }


def test_counts_per_kind_and_report(imported):
    # 7 posts: 101, 102, draft, pending, future, private, umlaut; not the trashed
    # one (107), not the broken one (108), not the page, menu item or attachments.
    assert counts() == {
        "articles": 7,
        "authors": 2,
        "categories": 5,  # 4 from the header + „Allgemein“ for the post without
        "tags": 3,  # 2 tags + the second category of post 101
        "old addresses": 5,
        # authors, categories and tags with IDs, posts, the legal page, comments,
        # the two attachments that became library pictures
        "records": 2 + 4 + 2 + 7 + 1 + 3 + 2,
    }
    assert "posts          created 7, updated 0, unchanged 0, skipped 2" in imported
    assert "skipped 1: in the WordPress trash (e.g. 107)" in imported
    assert "pages          created 0, updated 1, unchanged 0, skipped 1" in imported
    assert "only the legal notice and privacy page are imported" in imported
    assert "302 „Über uns“" in imported
    assert "post type „nav_menu_item“ is not imported" in imported
    assert "images         created 2, updated 0, unchanged 0, skipped 1" in imported
    assert "not found in the media directory (e.g. 2023/05/fehlt.jpg)" in imported
    assert "shortcode [gallery] removed" in imported
    assert "private post imported as draft (e.g. 106)" in imported
    assert "sticky flag not kept" in imported


def test_authors_are_split_into_title_and_names_without_logins(imported):
    anna = Author.objects.get(email="anna.berger@example.org")
    assert (anna.honorific, anna.first_name, anna.last_name) == (
        "Prof. Dr.",
        "Anna Maria",
        "Berger",
    )
    assert anna.slug == "anna-maria-berger"
    assert anna.bio == "" and anna.website == "" and anna.user is None
    assert not get_user_model().objects.exists()


def test_create_users_makes_inactive_logins(fixtures):
    run(fixtures / "magazin.xml", media_dir=fixtures / "uploads", create_users=True)
    user = get_user_model().objects.get(username="aberger")
    assert not user.is_active and not user.has_usable_password()
    assert user.author_profile.last_name == "Berger"


def test_terms_are_unescaped_deduplicated_and_flattened(imported):
    assert Category.objects.get(slug="technik").name == "Technik & Innovation"
    assert Category.objects.get(slug="vertrieb").description == "Alles über Vertrieb"
    # Two nested categories both called „News“: names are unique here.
    assert Category.objects.get(slug="news-technik").name == "News"
    assert Category.objects.get(slug="news").name == "News (Vertrieb)"
    assert (
        Tag.objects.get(slug="forschung-entwicklung").name == "Forschung & Entwicklung"
    )
    assert Tag.objects.get(slug="ki").name == "Künstliche Intelligenz"


def test_post_fields(imported):
    article = Article.objects.get(slug="messe-hannover")
    assert article.title == "Messe in Hannover: Roboter & Menschen"
    assert article.lead == "Was die Messe über Cobots zeigte."
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == datetime(2023, 5, 15, 8, 30, tzinfo=UTC)
    assert article.category.slug == "technik"
    assert sorted(article.tags.names()) == [
        "Forschung & Entwicklung",
        "Künstliche Intelligenz",
        "Vertrieb",
    ]
    assert [a.last_name for a in article.byline_authors] == ["Berger"]


def test_body_conversion(imported):
    body = Article.objects.get(slug="messe-hannover").body
    assert body.startswith(
        "<p>Die Hannover Messe zeigte in diesem Jahr vor allem eines: Roboter, die "
        "mit Menschen arbeiten.<br>\nEine zweite Zeile im selben Absatz.</p>"
    )
    # [caption] with wp-image-201: a reference to the attachment's library
    # picture (the same one as the featured image), with this use's caption.
    picture = Picture.objects.get(file="wordpress/2023/05/messe.jpg")
    assert (
        f'<figure data-picture="{picture.pk}">'
        "<figcaption>Ein Roboterarm reicht Kaffee.</figcaption></figure>"
    ) in body
    assert "[gallery" not in body and "[box" not in body and "more" not in body
    assert "<p>Wichtig: <strong>Fachbesucher</strong> zuerst.</p>" in body
    assert "Rückblick [sic]" in body
    assert "<script" not in body and "alert" not in body  # the admin's sanitiser
    assert '<a href="https://example.org/extern">Externer Link</a>' in body


def test_gutenberg_body_and_missing_image(imported):
    article = Article.objects.get(slug="ki-im-vertrieb")
    assert "<!--" not in article.body
    assert "<h2>Was sich ändert</h2>" in article.body
    # A Gutenberg image block with wp-image-202: a picture reference.
    diagram = Picture.objects.get(file="wordpress/2023/05/diagramm.png")
    assert (
        f'<figure data-picture="{diagram.pk}"><figcaption>Umsatz nach Kanal'
        "</figcaption></figure>"
    ) in article.body
    assert diagram.alt_text == "Diagramm"
    # A missing file keeps its old URL (reported); the lead is the first paragraph.
    assert "https://magazin.example.org/wp-content/uploads/2023/05/fehlt.jpg" in (
        article.body
    )
    assert article.lead == "KI verändert den Vertrieb."


def test_featured_image_with_alt_caption_and_credit(imported):
    article = Article.objects.get(slug="messe-hannover")
    picture = article.picture
    assert picture.file.name == "wordpress/2023/05/messe.jpg"
    assert default_storage.exists(picture.file.name)
    assert picture.width == 120  # a real image, read by Pillow
    assert picture.alt_text == "Roboterarm reicht einem Besucher Kaffee"
    assert picture.caption == "Ein Roboterarm am Stand von Kuka."
    assert article.picture_caption == "Ein Roboterarm am Stand von Kuka."
    assert picture.photographer == "Max Mustermann"
    # Once per attachment: the inline use found the same picture.
    assert Picture.objects.filter(file=picture.file.name).count() == 1
    assert list(picture.inline_uses.values_list("article", flat=True)) == [article.pk]


def test_statuses_and_time_zones(imported):
    draft = Article.objects.get(title="Entwurf: Übersicht für Käufer")
    assert draft.status == Article.Status.DRAFT and draft.publish_at is None
    assert draft.slug == "entwurf-uebersicht-fuer-kaeufer"
    assert Article.objects.get(slug="zur-pruefung").status == Article.Status.REVIEW
    future = Article.objects.get(slug="geplant-2099")
    assert future.is_scheduled
    assert future.publish_at == datetime(2099, 1, 1, 8, 0, tzinfo=UTC)
    private = Article.objects.get(slug="privat")
    assert private.status == Article.Status.DRAFT
    assert private.category.slug == "allgemein"
    assert not Article.objects.filter(title="Gelöscht").exists()


def test_local_time_is_read_in_the_site_time_zone(fixtures, tmp_path):
    source = (fixtures / "magazin.xml").read_text()
    # A published post without GMT date (old exports): 10:30 in Berlin (CEST).
    source = source.replace(
        "<wp:post_date_gmt><![CDATA[2023-05-15 08:30:00]]></wp:post_date_gmt>",
        "<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>",
    )
    path = tmp_path / "export.xml"
    path.write_text(source)
    run(path, media_dir=fixtures / "uploads")
    article = Article.objects.get(slug="messe-hannover")
    assert article.publish_at == datetime(2023, 5, 15, 8, 30, tzinfo=UTC)


def test_broken_post_is_reported_and_the_rest_goes_in(imported):
    assert "108 „Kaputtes Datum“: „2023-02-30 09:00:00“ is not a valid date" in (
        imported
    )
    assert not Article.objects.filter(title="Kaputtes Datum").exists()
    # Its category was created inside its transaction and rolled back with it.
    assert not Category.objects.filter(slug="neue-rubrik").exists()
    assert Article.objects.filter(slug="ueber-umlaute").exists()  # after it


def test_old_addresses(imported):
    paths = dict(LegacyURL.objects.values_list("path", "article__slug"))
    assert paths == {
        "/2023/05/messe-hannover/": "messe-hannover",
        "/2023/05/hannover-messe-2023/": "messe-hannover",  # _wp_old_slug
        "/2023/05/ki-im-vertrieb/": "ki-im-vertrieb",
        "/2023/05/privat/": "privat",
        "/2023/05/über-umlaute/": "ueber-umlaute",  # stored decoded
    }


def test_second_run_is_idempotent(fixtures, imported):
    before = counts()
    bodies = dict(Article.objects.values_list("slug", "body"))
    report = run(fixtures / "magazin.xml", media_dir=fixtures / "uploads")
    assert counts() == before
    assert dict(Article.objects.values_list("slug", "body")) == bodies
    # Unchanged posts are skipped; the one with a missing image is tried again.
    assert "posts          created 0, updated 1, unchanged 6, skipped 2" in report
    assert "authors        created 0, updated 0, unchanged 2" in report
    assert "pages          created 0, updated 0, unchanged 1, skipped 1" in report


def test_newer_export_updates_what_changed(fixtures, imported, tmp_path):
    source = (fixtures / "magazin.xml").read_text()
    source = source.replace("Messe in Hannover: Roboter &amp; Menschen", "Messe 2023")
    source = source.replace(
        "[CDATA[Jonas Weber]]></wp:author_display_name>",
        "[CDATA[Dr. Jonas Weber]]></wp:author_display_name>",
    )
    path = tmp_path / "newer.xml"
    path.write_text(source)
    report = run(path, media_dir=fixtures / "uploads")
    assert Article.objects.count() == 7
    assert Article.objects.get(slug="messe-hannover").title == "Messe 2023"
    assert Author.objects.get(last_name="Weber").honorific == "Dr."
    assert "posts          created 0, updated 2, unchanged 5" in report
    assert "authors        created 0, updated 1, unchanged 1" in report


def test_editor_changes_survive_a_rerun_of_an_unchanged_post(fixtures, imported):
    Article.objects.filter(slug="zur-pruefung").update(lead="Von der Redaktion")
    run(fixtures / "magazin.xml", media_dir=fixtures / "uploads")
    assert Article.objects.get(slug="zur-pruefung").lead == "Von der Redaktion"


def test_dry_run_reports_without_writing(fixtures, settings):
    report = run(fixtures / "magazin.xml", media_dir=fixtures / "uploads", dry_run=True)
    assert report.startswith("Dry run: nothing was written.")
    assert "posts          created 7, updated 0, unchanged 0, skipped 2" in report
    assert "images         created 2" in report
    assert all(value == 0 for value in counts().values())
    assert not (settings.MEDIA_ROOT / "wordpress").exists()


def test_legal_page_fills_the_flat_page(imported):
    page = FlatPage.objects.get(url="/impressum/")
    assert page.title == "Impressum"
    assert page.content == (
        "<p><strong>Fachmagazin GmbH</strong><br>\nMusterstraße 1<br>\n12345 Berlin</p>"
        "\n<p>Angaben gemäß § 5 TMG</p>"
    )
    # The privacy page had no counterpart in the export: still the placeholder.
    assert "eckigen Klammern" in FlatPage.objects.get(url="/datenschutz/").content


def test_legal_page_edited_here_is_left_alone(fixtures):
    FlatPage.objects.filter(url="/impressum/").update(content="<p>Unser Impressum</p>")
    report = run(fixtures / "magazin.xml", media_dir=fixtures / "uploads")
    assert FlatPage.objects.get(url="/impressum/").content == "<p>Unser Impressum</p>"
    assert "the legal page was already edited here: left as it is" in report


def test_wxr_1_1_author_export_without_term_header(fixtures):
    report = run(fixtures / "autorin-wxr11.xml")
    article = Article.objects.get(slug="arbeit-im-wandel")
    assert article.category.name == "Arbeit & Leben"
    assert article.category.slug == "arbeit"
    assert list(article.tags.names()) == ["Homeoffice"]
    assert article.body == "<p>Erster Absatz.</p>\n<p>Zweiter Absatz.</p>"
    assert article.lead == "Wie sich Arbeit verändert."
    author = article.byline_authors[0]
    assert (author.honorific, author.first_name, author.last_name) == (
        "Dr.",
        "Martina",
        "Müller",
    )
    assert "posts          created 1" in report
    assert LegacyURL.objects.get().path == "/arbeit-im-wandel/"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "billion-laughs.xml",
            "billion-laughs.xml: refused, the file declares XML entities",
        ),
        (
            "external-entity.xml",
            "external-entity.xml: refused, the file declares XML entities",
        ),
        ("truncated.xml", "truncated.xml: not well-formed XML"),
        ("not-wxr.xml", "not-wxr.xml: not a WordPress export (WXR)"),
        ("uploads/2023/05/messe.jpg", "messe.jpg: not well-formed XML"),
        ("does-not-exist.xml", "does-not-exist.xml: cannot be read"),
    ],
)
def test_bad_files_stop_before_anything_is_written(fixtures, name, message):
    with pytest.raises(CommandError) as error:
        run(fixtures / name)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)
    assert all(value == 0 for value in counts().values())


def test_media_dir_must_exist(fixtures, tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        run(fixtures / "magazin.xml", media_dir=tmp_path / "fehlt")


def test_report_names_the_source(imported):
    assert imported.startswith(
        "Import done. WXR 1.2 of https://magazin.example.org, 14 items."
    )


def test_long_slugs_and_empty_posts(fixtures, tmp_path):
    long_slug = "sehr-" * 30 + "lang"  # 154 characters: more than slugs may have
    source = (fixtures / "magazin.xml").read_text()
    source = source.replace('nicename="vertrieb"', f'nicename="{long_slug}"')
    source = source.replace(
        "<![CDATA[Nur für uns.]]>", "<![CDATA[<!-- wp:gallery /-->]]>"
    )
    path = tmp_path / "export.xml"
    path.write_text(source)
    run(path, media_dir=fixtures / "uploads")
    assert Category.objects.filter(slug=long_slug[:100]).exists()
    assert Tag.objects.filter(slug=long_slug[:100]).exists()
    empty = Article.objects.get(slug="privat")
    assert empty.body == "" and empty.lead == "Privat"


def test_imported_articles_are_searchable_by_author_and_tag(fixtures):
    """The search index is refreshed once per post, after its byline and tags
    (``search_index_deferred``); the SQLite fallback reads the tables."""
    from discovery.search import search_articles

    run(fixtures / "magazin.xml")
    article = Article.objects.get(slug="messe-hannover")
    tag = article.tags.first().name
    assert article in search_articles("Berger")
    assert article in search_articles(tag)
    assert list(search_articles("Roboter")) == [article]
