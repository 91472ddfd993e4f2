"""Streaming reader for WordPress eXtended RSS (WXR 1.0–1.2).

The file is read twice with ``iterparse``, never as a whole tree:

1. ``scan()`` checks the whole file (well-formed, WXR, no entity tricks) and
   collects the small things that later items refer to: authors, terms and the
   attachments (a post's featured image usually comes *after* the post);
2. ``iter_items()`` yields one ``Item`` at a time; each item element is cleared
   once parsed, so memory stays bounded by the largest single post.

defusedxml forbids DTD entity declarations (billion laughs) and external
entities; such a file stops with ``WXRError`` before anything is written.
"""

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, tostring
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.conf import settings

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
WP_NS_PREFIX = "http://wordpress.org/export/"
NO_DATE = "0000-00-00 00:00:00"


class WXRError(Exception):
    """The file cannot be imported at all; the message is one line."""


@dataclass
class Author:
    wp_id: int
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str
    name: str
    wp_id: int | None = None
    parent_slug: str = ""
    description: str = ""


@dataclass
class Attachment:
    wp_id: int
    url: str
    title: str = ""
    caption: str = ""  # the attachment's excerpt
    alt: str = ""


@dataclass
class Comment:
    wp_id: int
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent: int = 0
    user_id: int = 0


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    name: str = ""  # post_name, the slug (URL-encoded by WordPress)
    status: str = ""
    parent: int = 0
    sticky: bool = False
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    source: bytes = b""  # the item's XML, for change detection

    def meta_values(self, key: str) -> list[str]:
        return [value for meta_key, value in self.meta if meta_key == key]

    def meta_value(self, key: str, default: str = "") -> str:
        values = self.meta_values(key)
        return values[0] if values else default


@dataclass
class Channel:
    """What ``scan()`` learns about the whole file."""

    wxr_version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    link: str = ""
    authors: dict[str, Author] = field(default_factory=dict)  # by login
    terms: dict[tuple[str, str], Term] = field(default_factory=dict)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    item_count: int = 0


def _name(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``.

    WXR 1.0, 1.1 and 1.2 differ in the namespace version only.
    """
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if namespace.startswith(WP_NS_PREFIX):
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    elif namespace == CONTENT_NS:
        prefix = "content"
    elif namespace == DC_NS:
        prefix = "dc"
    else:
        prefix = "other"
    return f"{prefix}:{local}"


def _children(element: Element) -> dict[str, str]:
    """Text of the first child element of each name (no nesting)."""
    found: dict[str, str] = {}
    for child in element:
        found.setdefault(_name(child.tag), (child.text or "").strip())
    return found


def _int(value: str) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def unescape(value: str) -> str:
    """WordPress stores term and author names HTML-escaped („Technik &amp; …“)."""
    return html.unescape(value or "").strip()


def _events(path: Path):
    try:
        yield from iterparse(str(path), events=("start", "end"))
    except DefusedXmlException as exc:
        raise WXRError(
            f"{path.name}: refused, the file declares XML entities ({exc})."
        ) from None
    except ParseError as exc:
        raise WXRError(f"{path.name}: not well-formed XML ({exc}).") from None
    except OSError as exc:
        raise WXRError(f"{path.name}: cannot be read ({exc.strerror}).") from None


def _walk(path: Path) -> Iterator[tuple[str, Element, Element | None]]:
    """Yield ``(name, element, channel)`` for the direct children of ``<channel>``
    when they are complete, then clear them (bounded memory)."""
    depth = 0
    channel: Element | None = None
    root_checked = False
    for event, element in _events(path):
        if event == "start":
            depth += 1
            if not root_checked:
                root_checked = True
                if element.tag != "rss":
                    raise WXRError(
                        f"{path.name}: not a WordPress export (WXR): the root "
                        f"element is <{_name(element.tag)}>, not <rss>."
                    )
            if depth == 2 and element.tag == "channel":
                channel = element
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            yield _name(element.tag), element, channel
            channel.remove(element)  # drop the finished child: bounded memory


def scan(path: Path) -> Channel:
    """Read the whole file once: validity, header data, attachments, item count."""
    info = Channel()
    for name, element, _channel in _walk(path):
        if name == "wp:wxr_version":
            info.wxr_version = (element.text or "").strip()
        elif name == "wp:base_site_url":
            info.base_site_url = (element.text or "").strip()
        elif name == "wp:base_blog_url":
            info.base_blog_url = (element.text or "").strip()
        elif name == "link":
            info.link = (element.text or "").strip()
        elif name == "wp:author":
            author = _author(element)
            info.authors[author.login] = author
        elif name in {"wp:category", "wp:tag", "wp:term"}:
            term = _header_term(name, element)
            if term is not None:
                info.terms.setdefault((term.taxonomy, term.slug), term)
        elif name == "item":
            info.item_count += 1
            values = _children(element)
            if values.get("wp:post_type") == "attachment":
                attachment = _attachment(element, values)
                info.attachments[attachment.wp_id] = attachment
    if not info.wxr_version:
        raise WXRError(
            f"{path.name}: not a WordPress export (WXR): <wp:wxr_version> is missing."
        )
    return info


def iter_items(path: Path) -> Iterator[Item]:
    for name, element, _channel in _walk(path):
        if name == "item":
            yield parse_item(element)


def _author(element: Element) -> Author:
    values = _children(element)
    return Author(
        wp_id=_int(values.get("wp:author_id", "")),
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=unescape(values.get("wp:author_display_name", "")),
        first_name=unescape(values.get("wp:author_first_name", "")),
        last_name=unescape(values.get("wp:author_last_name", "")),
    )


def _header_term(name: str, element: Element) -> Term | None:
    """``wp:category``, ``wp:tag`` and ``wp:term`` describe the same terms twice."""
    values = _children(element)
    if name == "wp:category":
        taxonomy, slug = "category", values.get("wp:category_nicename", "")
        term_name = values.get("wp:cat_name", "")
        parent = values.get("wp:category_parent", "")
        description = values.get("wp:category_description", "")
    elif name == "wp:tag":
        taxonomy, slug = "post_tag", values.get("wp:tag_slug", "")
        term_name = values.get("wp:tag_name", "")
        parent = ""
        description = values.get("wp:tag_description", "")
    else:
        taxonomy, slug = values.get("wp:term_taxonomy", ""), values.get("wp:term_slug")
        term_name = values.get("wp:term_name", "")
        parent = values.get("wp:term_parent", "")
        description = values.get("wp:term_description", "")
    if taxonomy not in {"category", "post_tag"} or not slug:
        return None
    return Term(
        taxonomy=taxonomy,
        slug=slug,
        name=unescape(term_name) or slug,
        wp_id=_int(values.get("wp:term_id", "")) or None,
        parent_slug=parent or "",
        description=unescape(description),
    )


def _attachment(element: Element, values: dict[str, str]) -> Attachment:
    alt = ""
    for child in element:
        if _name(child.tag) == "wp:postmeta":
            meta = _children(child)
            if meta.get("wp:meta_key") == "_wp_attachment_image_alt":
                alt = meta.get("wp:meta_value", "")
    return Attachment(
        wp_id=_int(values.get("wp:post_id", "")),
        url=values.get("wp:attachment_url", "") or values.get("guid", ""),
        title=unescape(values.get("title", "")),
        caption=values.get("excerpt:encoded", ""),
        alt=unescape(alt),
    )


def parse_item(element: Element) -> Item:
    values = _children(element)
    item = Item(
        wp_id=_int(values.get("wp:post_id", "")),
        post_type=values.get("wp:post_type", "post"),
        title=unescape(values.get("title", "")),
        link=values.get("link", ""),
        guid=values.get("guid", ""),
        creator=values.get("dc:creator", ""),
        content=_raw_text(element, "content:encoded"),
        excerpt=_raw_text(element, "excerpt:encoded"),
        date=values.get("wp:post_date", ""),
        date_gmt=values.get("wp:post_date_gmt", ""),
        name=values.get("wp:post_name", ""),
        status=values.get("wp:status", ""),
        parent=_int(values.get("wp:post_parent", "")),
        sticky=values.get("wp:is_sticky", "0") == "1",
        attachment_url=values.get("wp:attachment_url", ""),
        source=_source(element),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            domain = child.get("domain", "")
            slug = child.get("nicename", "")
            if domain in {"category", "post_tag"} and slug:
                item.terms.append(
                    Term(taxonomy=domain, slug=slug, name=unescape(child.text or ""))
                )
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta.append(
                (meta.get("wp:meta_key", ""), _raw_text(child, "wp:meta_value"))
            )
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def _source(element: Element) -> bytes:
    """The item's own XML, without the whitespace after it (``tail``): that
    depends on what follows in the file, not on the post."""
    tail, element.tail = element.tail, None
    try:
        return tostring(element)
    finally:
        element.tail = tail


def _raw_text(element: Element, name: str) -> str:
    """Text of a child without stripping (content keeps its line breaks)."""
    for child in element:
        if _name(child.tag) == name:
            return child.text or ""
    return ""


def _comment(element: Element) -> Comment:
    values = _children(element)
    return Comment(
        wp_id=_int(values.get("wp:comment_id", "")),
        author=unescape(values.get("wp:comment_author", "")),
        email=values.get("wp:comment_author_email", ""),
        url=values.get("wp:comment_author_url", ""),
        ip=values.get("wp:comment_author_IP", ""),
        date=values.get("wp:comment_date", ""),
        date_gmt=values.get("wp:comment_date_gmt", ""),
        content=_raw_text(element, "wp:comment_content"),
        approved=values.get("wp:comment_approved", "1"),
        type=values.get("wp:comment_type", ""),
        parent=_int(values.get("wp:comment_parent", "")),
        user_id=_int(values.get("wp:comment_user_id", "")),
    )


def parse_date(local: str, gmt: str) -> datetime | None:
    """WordPress dates: the GMT one when set (drafts have „0000-00-00 …“),
    otherwise the site's local time, read in ``settings.TIME_ZONE``."""
    for value, zone in ((gmt, UTC), (local, ZoneInfo(settings.TIME_ZONE))):
        if value and value != NO_DATE:
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(
                    tzinfo=zone
                )
            except ValueError:
                continue
    return None
