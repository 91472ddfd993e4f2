"""``import_wordpress`` on genuine exports of a real WordPress 6.1 site.

The site was built with Debian's ``wordpress`` package and WordPress's own API,
and exported with WordPress's own exporter (``bench/wordpress_site/``); the
facts checked here are the ones ``bench/wordpress_site/content.php`` created.
``fixtures/wordpress-6.1/uploads`` holds the files of that site's
``wp-content/uploads`` the export uses.

WordPress's exporter leaves out spam comments, and an export of one author's
posts has no term header and no attachments: these tests show what the import
makes of that, too.
"""

from datetime import UTC, datetime

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.files.storage import default_storage

from articles.models import Article, Category, Tag
from authors.models import Author
from comments.models import ArticleComment
from counters.queries import view_total
from pictures.models import Picture
from ratings.models import RatingSummary
from ratings.services import rating_set, ratings_recount
from tests.wordpress_import.helpers import run
from wordpress_import.models import LegacyURL, WordPressObject

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(fixtures):
    return fixtures / "wordpress-6.1"


@pytest.fixture
def imported(site):
    return run(site / "export-all.xml", media_dir=site / "uploads")


def article(wp_id: int) -> Article:
    record = WordPressObject.objects.get(kind=WordPressObject.Kind.POST, wp_id=wp_id)
    return Article.objects.get(pk=record.object_id)


def comments_of(wp_id: int) -> dict[str, ArticleComment]:
    rows = ArticleComment.objects.filter(object_pk=str(article(wp_id).pk))
    return {row.comment.split()[0] + " " + row.user_name: row for row in rows}


def test_report_of_the_whole_site(imported):
    assert imported.startswith(
        "Import done. WXR 1.2 of https://magazin.example, 21 items."
    )
    for line in [
        "authors        created 3, updated 0, unchanged 0, skipped 0",
        "categories     created 6, updated 0, unchanged 0, skipped 0",
        # 7 tags, and the second category of post 13 („Wirtschaft“)
        "tags           created 8, updated 0, unchanged 0, skipped 0",
        # the 9 posts of content.php and WordPress's own „Hello world!“; the
        # trashed one skipped
        "posts          created 10, updated 0, unchanged 0, skipped 1",
        "skipped 1: in the WordPress trash (e.g. 18)",
        # 12 comments in the file (the exporter leaves spam out)
        "comments       created 10, updated 0, unchanged 0, skipped 2",
        "skipped 1: in the trash (e.g. 9)",
        "skipped 1: a pingback, not a comment (e.g. 11)",
        "pages          created 0, updated 1, unchanged 0, skipped 3",
        "views          created 5, updated 0, unchanged 0, skipped 0",
        "ratings        created 4, updated 0, unchanged 0, skipped 0",
        # 3 featured images, 3 inline images (two of them resized copies)
        "images         created 6, updated 0, unchanged 0, skipped 0",
        # attachments in the library: 3 featured, 2 inside the text (one of
        # them, 6, from the resized copy: its original is not in the uploads)
        "pictures       created 4, updated 0, unchanged 0, skipped 0",
        # 6 permalinks of published posts with a slug, 1 old slug
        "old addresses  created 7, updated 0, unchanged 0, skipped 0",
        "1 × sticky flag not kept: articles have no place for it (e.g. 4)",
        "1 × private post imported as draft (e.g. 17)",
        "1 × shortcode [gallery] removed (e.g. 8)",
        "1 × shortcode [contact-form-7] removed (e.g. 13)",
        "2 × table turned into one paragraph per row",
    ]:
        assert line in imported
    assert "Errors" not in imported
    assert Article.objects.count() == 10
    assert ArticleComment.objects.count() == 10


def test_authors_and_terms(imported):
    professor = Author.objects.get(last_name="Bäcker")
    assert (professor.honorific, professor.first_name) == ("Prof. Dr.", "Anna-Lena")
    assert professor.user is None  # no logins without --create-users
    assert set(Author.objects.values_list("last_name", flat=True)) == {
        "Bäcker",
        "Köhler",
        "Weiß",
    }
    technik = Category.objects.get(slug="technik-innovation")
    assert technik.name == "Technik & Innovation"
    assert technik.description == "Neues aus Forschung & Entwicklung"
    # Two „News“ under different parents; names are unique here.
    assert Category.objects.get(slug="news").name == "News (Wirtschaft)"
    assert Category.objects.get(slug="news-kultur").name == "News"
    assert Tag.objects.get(slug="kuenstliche-intelligenz").name == (
        "Künstliche Intelligenz"
    )


def test_statuses_dates_and_bylines(imported):
    expected = {
        4: Article.Status.PUBLISHED,
        8: Article.Status.PUBLISHED,
        13: Article.Status.PUBLISHED,
        14: Article.Status.DRAFT,
        15: Article.Status.REVIEW,
        16: Article.Status.PUBLISHED,  # future: scheduled
        17: Article.Status.DRAFT,  # private
        20: Article.Status.PUBLISHED,
        22: Article.Status.PUBLISHED,
    }
    assert {wp_id: article(wp_id).status for wp_id in expected} == expected
    assert not WordPressObject.objects.filter(kind="post", wp_id=18).exists()
    # 09:30 in Berlin (summer time) is 07:30 UTC
    assert article(4).publish_at == datetime(2023, 4, 17, 7, 30, tzinfo=UTC)
    assert article(16).publish_at == datetime(2030, 1, 15, 7, 0, tzinfo=UTC)
    assert article(14).publish_at is None
    # drafts have no slug in WordPress: one from the title
    assert article(15).slug == "radwege-in-muenster-die-stadt-legt-nach"
    assert [str(a) for a in article(4).authors.all()] == ["Prof. Dr. Anna-Lena Bäcker"]
    assert article(4).category.slug == "technik-innovation"
    assert set(article(4).tags.values_list("slug", flat=True)) == {
        "hannover",
        "kuenstliche-intelligenz",
        "messe",
    }


def test_featured_images_with_alt_caption_and_credit(imported):
    messe = article(4)
    assert messe.picture.file.name == "wordpress/2023/04/messe-hannover.jpg"
    assert default_storage.exists(messe.picture.file.name)
    assert messe.picture.alt_text.startswith("Besucherinnen und Besucher drängen sich")
    assert messe.picture_caption == "Gedränge am Stand von Kuka in Halle 17."
    assert messe.picture.photographer == "Jörg Weiß"
    bruecke = article(8)
    assert (bruecke.picture_caption, bruecke.picture.photographer) == (
        "Die Hohenzollernbrücke bei Nacht.",
        "Anna-Lena Bäcker",
    )
    maut = article(20)  # „Ölfeld Nordsee.jpg“ as WordPress renamed it
    assert maut.picture.file.name == "wordpress/2015/03/Oelfeld-Nordsee.jpg"
    assert (maut.picture_caption, maut.picture.photographer) == (
        "Bohrinsel vor der Küste",
        "dpa",
    )


def test_gutenberg_body(imported):
    body = article(4).body
    assert "wp:" not in body and "more" not in body and "[ratings]" not in body
    # The image block of attachment 6, whose original is not in the uploads:
    # a library picture made from the resized copy the post showed.
    robot = Picture.objects.get(file="wordpress/2023/04/roboter-werkhalle-1024x640.jpg")
    assert robot.alt_text == "Ein orangefarbener Roboterarm greift ein Bauteil"
    assert f'<figure data-picture="{robot.pk}">' in body
    assert default_storage.exists("wordpress/2023/04/roboter-werkhalle-1024x640.jpg")
    assert "<p>– Dr. Klaus Meier, Fraunhofer IPA</p></blockquote>" in body
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in body
    assert "<p><strong>Halle</strong> | <strong>Thema</strong></p>" in body
    assert "<p>17 | Robotik &amp; KI</p>" in body
    assert "<table" not in body and "<figure class" not in body.replace(
        '<figure class="wp-block-image size-large">', ""
    )
    assert article(4).lead == (
        "Auf der Hannover Messe zeigen Aussteller Roboter, die aus Fehlern "
        "lernen – ein Rundgang."
    )


def test_classic_body(imported):
    body = article(8).body
    # wpautop: paragraphs and line breaks
    assert body.startswith(
        "<p>Wer abends über die Hohenzollernbrücke geht, hört das Klirren der "
        "Liebesschlösser.<br>\nZehntausende"
    )
    # [caption] of attachment 9 → a reference to its library picture (made
    # from the original), with the caption; its credit names another
    # photographer than the attachment's, so it stays in the caption.
    bridge = Picture.objects.get(file="wordpress/2022/11/bruecke-koeln.jpg")
    assert (
        f'<figure data-picture="{bridge.pk}"><figcaption>Die Brücke verbindet '
        "Deutz mit der Altstadt. Foto: Jörg Weiß</figcaption></figure>"
    ) in body
    assert bridge.photographer == "Anna-Lena Bäcker"
    assert bridge.alt_text == "Die beleuchtete Hohenzollernbrücke über dem Rhein"
    assert '<img src="/media/wordpress/2022/11/liebesschloesser-300x200.jpg"' in body
    assert "[gallery" not in body and "more" not in body
    assert "erlaubt [sic]." in body  # not a shortcode
    assert "<h3>Anfahrt</h3>" in body and "<li>S-Bahn bis Köln Hbf</li>" in body


def test_unsafe_html_is_sanitised(imported):
    energie = article(13)
    assert "<script" not in energie.body and "Tracking" not in energie.body
    assert "onclick" not in energie.body and "javascript:" not in energie.body
    assert "<iframe" not in energie.body
    assert '<a href="https://www.youtube.com/embed/dQw4w9WgXcQ">' in energie.body
    assert "<p>Fragen? </p>" in energie.body  # [contact-form-7 …] removed
    assert "Bundesministerium für Wirtschaft und Klimaschutz [1]" in energie.body
    assert "document.write" not in energie.lead
    assert energie.lead.startswith(
        "Ab 1. Januar gelten neue Regeln für Heizungen in Mietwohnungen. Wer zahlt"
    )
    # two categories: the first (by name, as WordPress lists them) is the
    # article's, the other a tag
    assert energie.category.slug == "news"
    assert set(energie.tags.values_list("slug", flat=True)) == {
        "energiewende",
        "wirtschaft",
    }


def test_comment_threads_statuses_and_privacy(imported):
    rows = comments_of(4)
    assert set(rows) == {
        "Toller Maria Schäfer",
        "Ja, Jörg Weiß",
        "Danke, Maria Schäfer",
        "Wir Thomas Groß",
        "Wie Gast",
        "Das Peter",
        "Bitte Sabine Öztürk",
    }
    top, answer, thanks = (
        rows["Toller Maria Schäfer"],
        rows["Ja, Jörg Weiß"],
        rows["Danke, Maria Schäfer"],
    )
    assert (top.level, answer.parent_id, answer.level) == (0, top.pk, 1)
    assert (thanks.parent_id, thanks.level) == (answer.pk, 2)
    # WordPress levels 3 and 4: attached to the deepest allowed parent
    for deeper in (rows["Wir Thomas Groß"], rows["Wie Gast"]):
        assert (deeper.parent_id, deeper.level) == (answer.pk, 2)
        assert deeper.thread_id == top.pk
    # the reply to a trashed comment becomes a thread of its own
    assert rows["Bitte Sabine Öztürk"].level == 0
    pending = rows["Das Peter"]
    assert not pending.is_public and not pending.is_removed
    assert pending.comment == "Das ist Unsinn & Werbung: hier"  # text, no script
    assert top.is_public and top.user_url == "https://maria-schaefer.example.org"
    assert top.ip_address == "192.0.2.0"  # anonymised
    assert rows["Wie Gast"].ip_address == "2001:db8::"
    assert top.submit_date == datetime(2023, 4, 17, 9, 2, tzinfo=UTC)
    assert rows["Wir Thomas Groß"].comment == (
        "Wir mieten seit einem Jahr.\n\nErfahrung: gut, aber die Schulung dauert."
    )


def test_registered_commenter_linked_with_create_users(site):
    run(site / "export-all.xml", media_dir=site / "uploads", create_users=True)
    rows = comments_of(4)
    weiss = Author.objects.get(last_name="Weiß")
    assert weiss.user is not None and not weiss.user.is_active
    assert rows["Ja, Jörg Weiß"].user == weiss.user
    # a subscriber: not in the export's authors, so no account to link
    assert rows["Wir Thomas Groß"].user is None


def test_views_and_ratings(imported, client):
    assert view_total(article(4)) == 4711
    assert view_total(article(20)) == 15873
    assert view_total(article(22)) == 0
    summary = RatingSummary.objects.get(article=article(4))
    assert (summary.count, summary.total, summary.average_display) == (23, 104, "4,5")
    page = client.get(article(4).get_absolute_url()).content.decode()
    assert "★ 4,5 (23)" in page
    assert "Bild: © Jörg Weiß" in page

    rating_set(article=article(4), voter="neu", score=1)
    assert ratings_recount(article=article(4)).count == 24
    summary.refresh_from_db()
    assert (summary.count, summary.total) == (24, 105)


def test_old_addresses_answer_301(imported, client):
    assert set(LegacyURL.objects.filter(article=article(8)).values_list("path")) == {
        ("/2022/11/hohenzollernbruecke-bei-nacht/",),
        ("/2022/11/koeln-bei-nacht/",),  # _wp_old_slug
    }
    new = article(8).get_absolute_url()
    for old in ["/2022/11/koeln-bei-nacht/", "/2022/11/hohenzollernbruecke-bei-nacht"]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    response = client.get("/?p=4")
    assert (response.status_code, response["Location"]) == (
        301,
        article(4).get_absolute_url(),
    )
    assert client.get("/?p=14").status_code == 200  # a draft: no redirect


def test_legal_page(imported):
    page = FlatPage.objects.get(url="/impressum/")
    assert "Musterstraße 1" in page.content
    assert "Verantwortlich: Miriam Köhler" in page.content


def test_second_run_changes_nothing(site, imported):
    before = (
        Article.objects.count(),
        ArticleComment.objects.count(),
        LegacyURL.objects.count(),
        list(Article.objects.order_by("pk").values_list("body", flat=True)),
    )
    again = run(site / "export-all.xml", media_dir=site / "uploads")
    assert "posts       created 0, updated 0, unchanged 10, skipped 1" in again
    assert "created 1" not in again and "updated 1" not in again
    after = (
        Article.objects.count(),
        ArticleComment.objects.count(),
        LegacyURL.objects.count(),
        list(Article.objects.order_by("pk").values_list("body", flat=True)),
    )
    assert after == before


def test_dry_run_writes_nothing(site):
    report = run(site / "export-all.xml", media_dir=site / "uploads", dry_run=True)
    assert report.startswith("Dry run: nothing was written.")
    assert "posts          created 10, updated 0, unchanged 0, skipped 1" in report
    assert Article.objects.count() == 0
    assert ArticleComment.objects.count() == 0
    assert not default_storage.exists("wordpress/2023/04/messe-hannover.jpg")


def test_one_authors_export_on_its_own(site):
    report = run(site / "export-author-abaecker.xml", media_dir=site / "uploads")
    assert "posts            created 3, updated 0, unchanged 0, skipped 0" in report
    assert "featured images  created 0, updated 0, unchanged 0, skipped 2" in report
    assert "export all content to keep them" in report
    assert Author.objects.get().honorific == "Prof. Dr."
    assert article(4).picture is None
    assert "/media/wordpress/2023/04/roboter-werkhalle-1024x640.jpg" in article(4).body
    assert Category.objects.get(slug="technik-innovation").name == (
        "Technik & Innovation"
    )


def test_one_authors_export_after_the_whole_site_keeps_categories(site, imported):
    report = run(site / "export-author-abaecker.xml", media_dir=site / "uploads")
    assert "categories" not in report or "updated 1" not in report
    assert Category.objects.get(slug="news").name == "News (Wirtschaft)"
    technik = Category.objects.get(slug="technik-innovation")
    assert technik.description == "Neues aus Forschung & Entwicklung"
    # the post without a featured image is unchanged (same XML, though it sits
    # elsewhere in this file); the featured images stay
    assert "unchanged 1" in report
    assert article(4).picture.file.name == "wordpress/2023/04/messe-hannover.jpg"
    assert article(20).picture.photographer == "dpa"


def test_whitespace_between_items_is_not_a_change(site, imported, tmp_path):
    """What follows an item in the file (the next item, or the end of the
    channel) is not part of the post: an unchanged post stays unchanged."""
    source = (site / "export-all.xml").read_text()
    moved = tmp_path / "export.xml"
    moved.write_text(source.replace("</item>", "</item>\n\n  \n"))
    again = run(moved, media_dir=site / "uploads")
    assert "posts       created 0, updated 0, unchanged 10, skipped 1" in again


def test_changed_featured_image_alt_text_updates_the_post(site, imported, tmp_path):
    """Alt text and caption live in the attachment's item, not the post's."""
    source = (site / "export-all.xml").read_text()
    old = "Besucherinnen und Besucher drängen sich am Stand eines Roboterherstellers"
    assert source.count(old) == 1
    newer = tmp_path / "export.xml"
    newer.write_text(source.replace(old, "Gedränge in Halle 17"))
    report = run(newer, media_dir=site / "uploads")
    assert "posts          created 0, updated 1, unchanged 9, skipped 1" in report
    assert article(4).picture.alt_text == "Gedränge in Halle 17"
