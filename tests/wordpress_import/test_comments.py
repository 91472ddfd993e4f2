"""WordPress comments → the comments app's moderated, threaded comments."""

import pytest
from django.core import mail

from articles.models import Article
from comments.models import ArticleComment
from tests.wordpress_import.helpers import run

pytestmark = pytest.mark.django_db


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


# --- the bulk path (comments.bulk): threads, re-imports, failures -------------


def reply(wp_id: int, parent: int, minute: int) -> str:
    return (
        f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>"
        f"<wp:comment_author>Leser {wp_id}</wp:comment_author>"
        f"<wp:comment_author_IP>203.0.113.9</wp:comment_author_IP>"
        f"<wp:comment_date_gmt>2023-05-17 10:{minute:02d}:00</wp:comment_date_gmt>"
        f"<wp:comment_content>Antwort {wp_id}</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def with_comments(fixtures, tmp_path, extra: str, name="export.xml"):
    """magazin.xml with ``extra`` comments on „messe-hannover“."""
    source = (fixtures / "magazin.xml").read_text()
    head, _, tail = source.partition("\t</item>")  # the first item's end
    path = tmp_path / name
    path.write_text(f"{head}{extra}\t</item>{tail}")
    return path


def shape(comments):
    """Thread fields with ids replaced by the comment texts."""
    text = {c.pk: c.comment for c in comments}
    return [
        (c.comment, c.level, c.order, c.nested_count, text[c.parent_id])
        for c in comments
    ]


def test_newer_export_answers_imported_comments_like_xtd(fixtures, tmp_path):
    """A later export has new replies to comments imported before: they join
    the stored thread, which is renumbered as xtd's save() would."""
    run(fixtures / "magazin.xml")
    newer = with_comments(
        fixtures,
        tmp_path,
        reply(1004, 1001, 1) + reply(1005, 1002, 2) + reply(1006, 0, 3),
    )
    report = run(newer)
    assert "comments       created 3, updated 0, unchanged 3" in report
    assert shape(comments_of("messe-hannover")) == [
        ("Toller Bericht, danke!", 0, 1, 3, "Toller Bericht, danke!"),
        ("Gern geschehen.", 1, 2, 1, "Toller Bericht, danke!"),
        ("Antwort 1005", 2, 3, 0, "Gern geschehen."),
        ("Antwort 1004", 1, 4, 0, "Toller Bericht, danke!"),
        ("Kaufen!", 0, 1, 0, "Kaufen!"),
        ("Antwort 1006", 0, 1, 0, "Antwort 1006"),
    ]
    assert ArticleComment.objects.get(comment="Antwort 1004").ip_address == (
        "203.0.113.0"
    )
    # And once more: nothing new.
    assert "comments       created 0, updated 0, unchanged 6" in run(newer)
    assert ArticleComment.objects.count() == 6


def test_deep_replies_in_one_post_are_capped(fixtures, tmp_path):
    chain = "".join(reply(2000 + n, 2000 + n - 1 if n else 0, n) for n in range(6))
    run(with_comments(fixtures, tmp_path, chain))
    chain_comments = [
        c for c in comments_of("messe-hannover") if c.comment.startswith("Antwort")
    ]
    by_text = {c.comment: c for c in chain_comments}
    assert [by_text[f"Antwort {2000 + n}"].level for n in range(6)] == [
        0,
        1,
        2,
        2,
        2,
        2,
    ]
    # Below the maximum level, every deeper reply answers the level-1 comment,
    # in the order they were written.
    level_one = by_text["Antwort 2001"]
    assert {by_text[f"Antwort {2000 + n}"].parent_id for n in range(2, 6)} == {
        level_one.pk
    }
    assert [c.comment for c in chain_comments] == [
        f"Antwort {2000 + n}" for n in range(6)
    ]
    assert by_text["Antwort 2000"].nested_count == 5


def test_a_post_whose_comments_fail_is_rolled_back_alone(fixtures, tmp_path):
    """The comments go in with their post: when anything after the bulk insert
    fails, the post, its comments and their ID records are rolled back, the
    other posts go in, and the next run imports it completely."""
    from comments.wordpress import import_comments
    from wordpress_import import steps
    from wordpress_import.models import WordPressObject

    def failing_comments(context):
        import_comments(context)
        if context.item.wp_id == 101:
            raise RuntimeError("disk full")

    with steps.registered("comments", failing_comments):
        report = run(fixtures / "magazin.xml")
    assert "post 101 „Messe in Hannover: Roboter & Menschen“: disk full" in report
    assert not Article.objects.filter(slug="messe-hannover").exists()
    assert not ArticleComment.objects.exists()
    assert not WordPressObject.objects.filter(kind="comment").exists()
    assert Article.objects.filter(slug="ki-im-vertrieb").exists()
    assert "comments       created 3" in run(fixtures / "magazin.xml")
    assert len(comments_of("messe-hannover")) == 3


def test_comment_deleted_here_is_not_brought_back(fixtures, tmp_path):
    """A moderator deleted an imported comment: a later run leaves it deleted,
    with the new replies to it, and says so."""
    run(fixtures / "magazin.xml")
    ArticleComment.objects.get(comment="Toller Bericht, danke!").delete()
    report = run(with_comments(fixtures, tmp_path, reply(1007, 1001, 5)))
    assert "comments       created 0, updated 0, unchanged 2, skipped 2" in report
    assert "deleted here after an earlier import" in report
    assert [c.comment for c in comments_of("messe-hannover")] == [
        "Gern geschehen.",
        "Kaufen!",
    ]


def test_comments_cost_no_query_each(fixtures, tmp_path):
    """Fifty new comments on a post take as many queries as five."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    run(fixtures / "magazin.xml")
    five = "".join(reply(3000 + n, 0, n) for n in range(5))
    fifty = "".join(reply(3100 + n, 3100 + n // 2 if n else 0, n) for n in range(50))
    counts = []
    for number, extra in enumerate((five, five + fifty)):
        path = with_comments(fixtures, tmp_path, extra, name=f"export{number}.xml")
        with CaptureQueriesContext(connection) as queries:
            report = run(path)
        counts.append(len(queries))
    assert "comments       created 50, updated 0, unchanged 8" in report
    assert counts[0] == counts[1]
    assert len(comments_of("messe-hannover")) == 58
