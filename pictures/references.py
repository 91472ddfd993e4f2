"""Pictures inside an article's text, as stored: ``<figure
data-picture="12"><figcaption>Caption for this use</figcaption></figure>``:
the picture's id, never a URL.

The sanitiser (nh3, with ``data-picture`` allowed on figures by
``allow_picture_reference``, a django-prose-editor extension processor) runs
first; ``references_clean`` then keeps exactly that form: an id that is a
number, a caption and nothing else inside. Pure functions without models:
the settings name the processor.
"""

import re

FIGURE = re.compile(r"<figure\b([^>]*)>(.*?)</figure>", re.DOTALL | re.IGNORECASE)
REFERENCE_ATTRIBUTE = re.compile(r'\sdata-picture="([^"]*)"')
CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.DOTALL)
REFERENCE = re.compile(
    r'<figure data-picture="(\d{1,18})">(?:<figcaption>(.*?)</figcaption>)?</figure>',
    re.DOTALL,
)


def allow_picture_reference(config, shared_config) -> None:
    """django-prose-editor extension processor: figures may carry the id."""
    shared_config["tags"].update({"figure", "figcaption"})
    shared_config["attributes"].setdefault("figure", set()).add("data-picture")


def references_clean(html: str) -> str:
    """Figures with ``data-picture`` (after nh3) in the one stored form; a
    forged one (an id that is not a number) becomes an ordinary figure."""

    def clean(match: re.Match) -> str:
        attributes, inner = match.group(1), match.group(2)
        reference = REFERENCE_ATTRIBUTE.search(attributes)
        if reference is None:
            return match.group(0)
        if not re.fullmatch(r"\d{1,18}", reference.group(1)):
            rest = REFERENCE_ATTRIBUTE.sub("", attributes)
            return f"<figure{rest}>{inner}</figure>"
        caption = CAPTION.search(inner)
        caption_html = f"<figcaption>{caption.group(1)}</figcaption>" if caption else ""
        return f'<figure data-picture="{reference.group(1)}">{caption_html}</figure>'

    return FIGURE.sub(clean, html)


def referenced_ids(html: str) -> list[int]:
    return list(dict.fromkeys(int(pk) for pk, _caption in REFERENCE.findall(html)))
