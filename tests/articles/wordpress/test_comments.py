"""WordPress comments → the comments app's moderated, threaded comments."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

from articles.models import Article
from comments.models import ArticleComment

pytestmark = pytest.mark.django_db


def run(path, **options) -> str:
    out = io.StringIO()
    call_command(
        "import_wordpress", str(path), stdout=out, stderr=io.StringIO(), **options
    )
    return out.getvalue()


def comments_of(slug: str) -> list[ArticleComment]:
    article = Article.objects.get(slug=slug)
    return list(
        ArticleComment.objects.of_article(article).order_by("thread_id", "order")
    )


def test_threads_statuses_and_fields(fixtures):
    report = run(fixtures / "magazin.xml", create_users=True)
    first, reply, spam = comments_of("messe-hannover")
    assert (first.user_name, first.status, first.level) == (
        "Petra Leserin",
        "approved",
        0,
    )
    assert first.comment == "Toller Bericht, danke!"  # HTML shown as text
    assert first.ip_address == "192.0.2.0"  # anonymised on the way in
    assert (first.user_email, first.user_url) == (
        "petra@example.org",
        "https://petra.example.org",
    )
    assert first.submit_date.isoformat() == "2023-05-15T10:00:00+00:00"
    assert (reply.parent_id, reply.level, reply.thread_id) == (first.pk, 1, first.pk)
    assert reply.user.username == "jweber"  # a registered WordPress user
    assert reply.ip_address == "2001:db8::"
    assert (spam.status, spam.is_spam, spam.is_public) == ("spam", True, False)
    assert "comments       created 3, updated 0, unchanged 0, skipped 0" in report
    assert mail.outbox == []  # no moderator mails for imported comments


def test_article_page_shows_approved_comments_only(client, fixtures):
    run(fixtures / "magazin.xml")
    html = client.get("/artikel/messe-hannover/").content.decode()
    assert "Toller Bericht, danke!" in html and "Gern geschehen." in html
    assert "Kaufen!" not in html


def test_deep_threads_are_cut_held_and_trash(fixtures, tmp_path):
    def comment(wp_id, parent, approved="1"):
        return (
            f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>"
            f"<wp:comment_author>Leser {wp_id}</wp:comment_author>"
            f"<wp:comment_date_gmt>2023-06-01 10:{wp_id % 60:02d}:00"
            "</wp:comment_date_gmt>"
            f"<wp:comment_content>Antwort {wp_id}</wp:comment_content>"
            f"<wp:comment_approved>{approved}</wp:comment_approved>"
            f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
        )

    thread = "".join(
        [
            comment(1, 0),
            comment(2, 1),
            comment(3, 2),
            comment(4, 3),  # too deep: goes under 2, at the deepest level
            comment(5, 0, approved="0"),  # pending → held
            comment(6, 0, approved="trash"),
        ]
    )
    source = (fixtures / "magazin.xml").read_text()
    source = source.replace(
        "<wp:post_name><![CDATA[zur-pruefung]]></wp:post_name>",
        f"<wp:post_name><![CDATA[zur-pruefung]]></wp:post_name>{thread}",
    )
    path = tmp_path / "export.xml"
    path.write_text(source)
    report = run(path)
    comments = {c.comment: c for c in comments_of("zur-pruefung")}
    assert sorted(comments) == [f"Antwort {n}" for n in range(1, 6)]
    assert [comments[f"Antwort {n}"].level for n in range(1, 5)] == [0, 1, 2, 2]
    assert comments["Antwort 4"].parent_id == comments["Antwort 2"].pk
    assert comments["Antwort 5"].status == "held"
    assert "skipped 1: in the trash (e.g. 6)" in report


def test_rerun_updates_status_and_adds_no_duplicates(fixtures, tmp_path):
    run(fixtures / "magazin.xml")
    assert ArticleComment.objects.count() == 3
    source = (fixtures / "magazin.xml").read_text()
    # The spam comment was approved on the old site after all.
    source = source.replace(
        "<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>",
        "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
    )
    path = tmp_path / "newer.xml"
    path.write_text(source)
    report = run(path)
    assert ArticleComment.objects.count() == 3
    spam = ArticleComment.objects.get(comment="Kaufen!")
    assert spam.status == "approved"
    assert "comments       created 0, updated 1, unchanged 2" in report


def test_dry_run_writes_no_comments(fixtures):
    report = run(fixtures / "magazin.xml", dry_run=True)
    assert "comments       created 3" in report
    assert not ArticleComment.objects.exists()
