"""Small WXR exports written by the tests themselves (one or a few items)."""

from pathlib import Path

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Fachmagazin</title>
	<link>https://magazin.example.org</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://magazin.example.org</wp:base_site_url>
	<wp:base_blog_url>https://magazin.example.org</wp:base_blog_url>
"""
TAIL = "</channel>\n</rss>\n"


def author(*, wp_id: int, login: str, email: str, display_name: str) -> str:
    return (
        f"<wp:author><wp:author_id>{wp_id}</wp:author_id>"
        f"<wp:author_login><![CDATA[{login}]]></wp:author_login>"
        f"<wp:author_email><![CDATA[{email}]]></wp:author_email>"
        f"<wp:author_display_name><![CDATA[{display_name}]]></wp:author_display_name>"
        "</wp:author>\n"
    )


def post(
    *,
    wp_id: int,
    title: str = "Ein Artikel",
    content: str = "<p>Text.</p>",
    creator: str = "",
    slug: str = "",
    extra: str = "",
) -> str:
    return f"""<item>
		<title><![CDATA[{title}]]></title>
		<link>https://magazin.example.org/2023/05/{slug or wp_id}/</link>
		<dc:creator><![CDATA[{creator}]]></dc:creator>
		<content:encoded><![CDATA[{content}]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>{wp_id}</wp:post_id>
		<wp:post_date><![CDATA[2023-05-15 10:30:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2023-05-15 08:30:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[{slug or f"artikel-{wp_id}"}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		{extra}
	</item>
"""


def write_wxr(path: Path, *parts: str) -> Path:
    """An export of ``parts`` (authors first, then items) at ``path``."""
    path.write_text(HEAD + "".join(parts) + TAIL)
    return path


def attachment(*, wp_id: int, url: str, parent: int = 0) -> str:
    return f"""<item>
		<title><![CDATA[Bild {wp_id}]]></title>
		<wp:post_id>{wp_id}</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_parent>{parent}</wp:post_parent>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>
	</item>
"""


def featured(attachment_id: int) -> str:
    """``extra`` of a post: its featured image."""
    return (
        "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{attachment_id}]]></wp:meta_value></wp:postmeta>"
    )
