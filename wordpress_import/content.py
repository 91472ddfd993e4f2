"""WordPress post content → article body.

Order matters and follows what WordPress itself does when it renders a post:
block comments and ``<!--more-->`` go; ``[caption]`` becomes a figure; other
shortcodes are removed (and named in the report); classic content (no blocks)
gets paragraphs from ``wpautop``; what the editor cannot hold is turned into
what it can (tables into one paragraph per row, embedded frames into links,
quote citations into a paragraph) and named in the report; image URLs of the
old site are rewritten to the imported copies. ``Article.save()`` then runs the
editor's sanitiser.
"""

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import nh3

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\n?", re.S)
MORE_COMMENT = re.compile(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.S | re.I)
CAPTION = re.compile(
    r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I
)
# A shortcode name starts with a letter; "[1]" footnotes and "[…]" stay text.
SHORTCODE_PAIR = re.compile(r"\[([a-zA-Z][\w-]*)\b[^\]]*\](.*?)\[/\1\]", re.S)
SHORTCODE_SINGLE = re.compile(r"\[([a-zA-Z][\w-]*)((?:\s[^\]]*)?)/?\]")
# Shortcodes WordPress and the common plugins register that take no attributes.
KNOWN_SHORTCODES = {
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "ratings",
    "views",
    "contact-form-7",
    "wpforms",
    "toc",
}
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
URL_ATTRIBUTE = re.compile(r'(\s(?:src|href)\s*=\s*)(["\'])([^"\']+)\2', re.I)


# The editor (settings.ARTICLE_BODY_EXTENSIONS) has no tables and no embeds.
TABLE_FIGURE = re.compile(
    r"<figure\b[^>]*\bwp-block-table\b[^>]*>(.*?)</figure>", re.S | re.I
)
TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S | re.I)
TABLE_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
TABLE_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S | re.I)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S | re.I)
EMBED_FIGURE = re.compile(
    r"<figure\b[^>]*\bwp-block-embed\b[^>]*>.*?"
    r"<div\b[^>]*wp-block-embed__wrapper[^>]*>\s*(\S+?)\s*</div>"
    r"(?:\s*<figcaption\b[^>]*>(.*?)</figcaption>)?\s*</figure>",
    re.S | re.I,
)
IFRAME = re.compile(r"<iframe\b([^>]*)>.*?</iframe>|<iframe\b([^>]*)/>", re.S | re.I)
# The source line at the end of a quote (Gutenberg's quote block); an inline
# <cite> (a book title in a sentence) is left to the sanitiser.
QUOTE_CITE = re.compile(
    r"(?:<p>\s*)?<cite\b[^>]*>(.*?)</cite>(?:\s*</p>)?(\s*</blockquote>)", re.S | re.I
)
EMPTY_PARAGRAPH = re.compile(r"<p\b[^>]*>(?:\s|&nbsp;|<br\s*/?>)*</p>\n?", re.I)


@dataclass
class Conversion:
    body: str
    shortcodes: Counter = field(default_factory=Counter)
    notes: Counter = field(default_factory=Counter)  # what was changed, for the report


def plain_text(markup: str) -> str:
    """HTML → the text a reader saw: tags gone, ``<script>`` and ``<style>``
    gone with their content, entities decoded."""
    return html.unescape(nh3.clean(markup or "", tags=set()))


def convert_body(content: str, rewrite_url: Callable[[str], str | None]) -> Conversion:
    """``rewrite_url(url)`` returns the new URL of an old upload, or ``None``."""
    removed: Counter = Counter()
    notes: Counter = Counter()
    is_blocks = "<!-- wp:" in content
    text = BLOCK_COMMENT.sub("", content)
    text = MORE_COMMENT.sub("", text)
    # Figures wait outside while wpautop runs (WordPress, too, expands
    # [caption] after wpautop), so no paragraph lands inside them.
    figures: list[str] = []

    def set_aside(match: re.Match) -> str:
        figures.append(_caption_to_figure(match))
        return f"<figure wp-caption-{len(figures) - 1}></figure>"

    text = CAPTION.sub(set_aside, text)
    text = _remove_shortcodes(text, removed)
    if not is_blocks:
        text = wpautop(text)
    for index, figure in enumerate(figures):
        text = text.replace(f"<figure wp-caption-{index}></figure>", figure)
    text = _editor_shapes(text, notes)
    text = _rewrite_urls(text, rewrite_url)
    return Conversion(body=text.strip(), shortcodes=removed, notes=notes)


def _link_paragraph(url: str, caption: str = "") -> str:
    url = html.unescape(url.strip())
    if not url.startswith(("http://", "https://")):
        return f"<p>{caption}</p>" if caption.strip() else ""
    escaped = html.escape(url)
    link = f'<a href="{escaped}">{escaped}</a>'
    if caption.strip():
        return f"<p>{link}<br>{caption.strip()}</p>"
    return f"<p>{link}</p>"


def _editor_shapes(text: str, notes: Counter) -> str:
    """What the editor cannot hold, in a shape it can, each change noted."""

    def embed_figure(match: re.Match) -> str:
        notes["embed turned into a link (the editor has no embeds)"] += 1
        return _link_paragraph(match.group(1), match.group(2) or "")

    def iframe(match: re.Match) -> str:
        notes["embedded frame (iframe) turned into a link"] += 1
        src = _attributes(match.group(1) or match.group(2) or "").get("src", "")
        link = _link_paragraph(src)
        return link[3:-4] if link else ""  # the frame sits in a paragraph already

    def table_figure(match: re.Match) -> str:
        inner = match.group(1)
        caption = FIGCAPTION.search(inner)
        inner = FIGCAPTION.sub("", inner)
        return inner + (f"<p>{caption.group(1).strip()}</p>" if caption else "")

    def table(match: re.Match) -> str:
        notes["table turned into one paragraph per row (the editor has no tables)"] += 1
        rows = []
        for row in TABLE_ROW.findall(match.group(1)):
            cells = [
                f"<strong>{cell.strip()}</strong>" if kind == "h" else cell.strip()
                for kind, cell in TABLE_CELL.findall(row)
            ]
            if any(cells):
                rows.append(f"<p>{' | '.join(cells)}</p>")
        return "\n".join(rows)

    def cite(match: re.Match) -> str:
        return f"<p>– {match.group(1).strip()}</p>{match.group(2)}"

    text = EMBED_FIGURE.sub(embed_figure, text)
    text = IFRAME.sub(iframe, text)
    text = TABLE_FIGURE.sub(table_figure, text)
    text = TABLE.sub(table, text)
    text = QUOTE_CITE.sub(cite, text)
    return EMPTY_PARAGRAPH.sub("", text)


def _caption_to_figure(match: re.Match) -> str:
    """``[caption …]<a><img></a> Text[/caption]`` → ``<figure><img><figcaption>``.

    The link around the image (usually to the full-size file) is dropped: the
    editor's figures hold an image and a caption only.
    """
    attributes = _attributes(match.group(1))
    inner = match.group(2)
    image = IMG_TAG.search(inner)
    caption_text = attributes.get("caption", "")
    if image:
        rest = inner[image.end() :]
        rest = re.sub(r"^\s*</a>", "", rest)
        caption_text = caption_text or rest.strip()
        img = image.group(0)
    else:
        img = ""
        caption_text = caption_text or inner.strip()
    caption_html = f"<figcaption>{caption_text}</figcaption>" if caption_text else ""
    return f"<figure>{img}{caption_html}</figure>"


def _attributes(text: str) -> dict[str, str]:
    return {
        name.lower(): html.unescape(double if double is not None else single)
        for name, double, single in ATTRIBUTE.findall(text)
    }


def _remove_shortcodes(text: str, removed: Counter) -> str:
    def pair(match: re.Match) -> str:
        removed[match.group(1).lower()] += 1
        # Enclosing shortcodes (e.g. [box]…[/box]) keep their content.
        return match.group(2)

    def single(match: re.Match) -> str:
        name = match.group(1).lower()
        if "=" in match.group(2) or name in KNOWN_SHORTCODES:
            removed[name] += 1
            return ""
        return match.group(0)  # "[sic]", "[Anm. d. Red.]": text, not a shortcode

    previous = None
    while previous != text:  # nested pairs, innermost first
        previous = text
        text = SHORTCODE_PAIR.sub(pair, text)
    return SHORTCODE_SINGLE.sub(single, text)


def _rewrite_urls(text: str, rewrite_url: Callable[[str], str | None]) -> str:
    def replace(match: re.Match) -> str:
        new = rewrite_url(html.unescape(match.group(3)))
        if new is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"

    return URL_ATTRIBUTE.sub(replace, text)


# --- wpautop, ported from WordPress (wp-includes/formatting.php) -----------------

ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol"
    r"|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset"
    r"|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption"
    r"|details|menu|summary)"
)
PRE_BLOCK = re.compile(r"<pre\b.*?</pre>", re.S | re.I)


def wpautop(text: str, br: bool = True) -> str:
    """Paragraphs from blank lines, ``<br />`` from single line breaks, never
    inside or around block elements: what WordPress does to classic content."""
    if not text.strip():
        return ""
    pre_blocks: list[str] = []

    def keep_pre(match: re.Match) -> str:
        pre_blocks.append(match.group(0))
        return f"<pre wp-pre-tag-{len(pre_blocks) - 1}></pre>"

    text = PRE_BLOCK.sub(keep_pre, text + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.I)
    text = re.sub(rf"(<{ALLBLOCKS}[\s/>])", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</{ALLBLOCKS}>)", r"\1\n\n", text, flags=re.I)
    text = re.sub(r"<hr\s*?/?>", "<hr />\n\n", text, flags=re.I)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = re.split(r"\n\s*\n", text)
    text = "".join(
        f"<p>{paragraph.strip(chr(10))}</p>\n"
        for paragraph in paragraphs
        if paragraph.strip()
    )
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)", r"\1", text, flags=re.I)
    text = re.sub(rf"(</?{ALLBLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.I)
    if br:
        text = re.sub(r"<br\s*/?>", "<br />", text, flags=re.I)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"(</?{ALLBLOCKS}[^>]*>)\s*<br />", r"\1", text, flags=re.I)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    for index, block in enumerate(pre_blocks):
        text = text.replace(f"<pre wp-pre-tag-{index}></pre>", block)
    return text


# --- Featured image captions -----------------------------------------------------

CREDIT = re.compile(
    r"(?:^|\s*[|–—-]\s*|\s+|\()\(?\s*(?:Bild|Foto|Fotos|Photo|Quelle|Credit)\s*:\s*"
    r"(?:©|\(c\)|Copyright)?\s*(?P<credit>[^)]+?)\)?\s*$",
    re.I,
)
COPYRIGHT = re.compile(r"\s*(?:©|\(c\))\s*(?P<credit>[^©]+?)\s*$", re.I)


def split_caption(caption: str) -> tuple[str, str]:
    """„Messestand in Hannover. Bild: © Anna Berger“ → (caption, credit).

    Also „Foto: …“, „Quelle: …“ and a trailing „© …“. The credit loses its „©“:
    the article page prints it (``Article.image_credit_line``).
    """
    text = html.unescape(re.sub(r"<[^>]+>", "", caption or "")).strip()
    match = CREDIT.search(text) or COPYRIGHT.search(text)
    if not match:
        return text, ""
    credit = match.group("credit").strip().lstrip("©").strip()
    return text[: match.start()].strip(), credit
