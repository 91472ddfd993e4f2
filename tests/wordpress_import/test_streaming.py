"""Large exports are read as a stream: memory does not grow with the file."""

import tracemalloc

import pytest

from articles.models import Article
from tests.wordpress_import.helpers import run
from wordpress_import import parser

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Groß</title><link>https://gross.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>redaktion</wp:author_login>
<wp:author_display_name><![CDATA[Die Redaktion]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>allgemein</wp:category_nicename>
<wp:cat_name><![CDATA[Allgemein]]></wp:cat_name></wp:category>
"""
COMMENT = """<wp:comment><wp:comment_id>{cid}</wp:comment_id>
<wp:comment_author><![CDATA[Leser {cid}]]></wp:comment_author>
<wp:comment_author_email>l{cid}@example.org</wp:comment_author_email>
<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>
<wp:comment_date>2023-01-01 10:00:00</wp:comment_date>
<wp:comment_date_gmt>2023-01-01 09:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Kommentar Nummer {cid}.]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
</wp:comment>"""
ITEM = """<item><title><![CDATA[Beitrag {n}]]></title>
<link>https://gross.example.org/2023/01/beitrag-{n}/</link>
<dc:creator>redaktion</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2023-01-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2023-01-01 09:00:00</wp:post_date_gmt>
<wp:post_name>beitrag-{n}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="allgemein"><![CDATA[Allgemein]]></category>
<wp:postmeta><wp:meta_key>views</wp:meta_key><wp:meta_value>{n}</wp:meta_value></wp:postmeta>
{comments}</item>
"""
BODY = ("Ein Absatz mit Text über Vertrieb und Technik. " * 20 + "\n\n") * 4


def write_export(path, posts: int, comments_per_post: int = 10):
    with path.open("w", encoding="utf-8") as file:
        file.write(HEAD)
        for n in range(1, posts + 1):
            comments = "".join(
                COMMENT.format(cid=n * 100 + c) for c in range(comments_per_post)
            )
            file.write(ITEM.format(n=n, body=BODY, comments=comments))
        file.write("</channel></rss>\n")
    return path


def peak_while_reading(path) -> int:
    """Peak memory of one pass (``scan`` walks the file the same way)."""
    tracemalloc.start()
    try:
        count = sum(1 for _ in parser.iter_items(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == parser.scan(path).item_count
    return peak


def test_memory_does_not_grow_with_the_export(tmp_path):
    small = write_export(tmp_path / "small.xml", posts=50, comments_per_post=20)
    # 500 posts, 10,000 comments (tracemalloc makes parsing slow: kept moderate).
    large = write_export(tmp_path / "large.xml", posts=500, comments_per_post=20)
    large_size = large.stat().st_size
    assert large_size > 6_000_000
    small_peak, large_peak = peak_while_reading(small), peak_while_reading(large)
    # Ten times the posts, about the same memory: one item at a time.
    assert large_peak < 2 * small_peak
    assert large_peak < large_size / 20


@pytest.mark.django_db
def test_import_of_many_posts_in_a_bounded_number_of_queries(
    tmp_path, django_assert_max_num_queries
):
    export = write_export(tmp_path / "export.xml", posts=100, comments_per_post=10)
    # Per post: lookup, insert, byline, old address, ID record and the
    # transaction's savepoints (about 10), plus the counters' view_total_set
    # (about 8), plus the search index refresh on PostgreSQL (about 3); its
    # comments, however many: the ID lookup, the three multi-row INSERTs of
    # comments.bulk, their ID records (about 6). Saves of an article and byline
    # and the comments raise the content version of the cached fragments (one
    # UPDATE each, articles.fragments). No query grows with the size of the site
    # or the number of comments (before the bulk insert: 28 + 11 per comment).
    # SQLite writes each post's stemmed search document (reads of its tags
    # and byline, one upsert) where PostgreSQL runs one UPDATE.
    with django_assert_max_num_queries(100 * 33 + 30):
        report = run(export)
    assert Article.objects.count() == 100
    assert "posts          created 100" in report
    # Nothing changed: a second run skips every post with one query each.
    with django_assert_max_num_queries(100 * 2 + 30):
        report = run(export)
