"""Pictures inside an article's text: stored as a reference, rendered with
the library's renditions, caption and credit.

The stored form is in ``pictures.references``. ``references_render`` turns the
references into ``<figure>``s with a responsive ``<picture>`` and „Bild: ©
Photographer, Source“, reading every picture of the body (or of all bodies of
a feed, ``pictures_for``) in one query; a reference to a missing picture, or to
one whose rights have ended, renders nothing.
"""

import re
from collections.abc import Iterable

from django.template.loader import render_to_string

from pictures.models import Picture
from pictures.references import REFERENCE, referenced_ids

TEMPLATES = {
    "page": "pictures/includes/_figure.html",
    "print": "pictures/includes/_print_figure.html",
    "feed": "pictures/includes/_feed_figure.html",
}


def pictures_for(bodies: Iterable[str]) -> dict[int, Picture]:
    """The usable pictures referenced in any of ``bodies``, by id (one query,
    none without references)."""
    ids = {pk for html in bodies for pk in referenced_ids(html)}
    return Picture.objects.usable().in_bulk(ids) if ids else {}


def references_render(
    html: str, *, surface: str = "page", pictures: dict[int, Picture] | None = None
) -> str:
    """The body with its picture references as figures for ``surface``."""
    if pictures is None:
        pictures = pictures_for([html])
    if not pictures and "data-picture" not in html:
        return html
    template = TEMPLATES[surface]

    def render(match: re.Match) -> str:
        picture = pictures.get(int(match.group(1)))
        if picture is None:
            return ""
        caption = match.group(2)
        return render_to_string(
            template,
            {
                "picture": picture,
                # No figcaption stored: the picture's default caption.
                "caption": picture.caption if caption is None else caption,
                "caption_is_html": caption is not None,
            },
        )

    return REFERENCE.sub(render, html)


def references_signature(html: str) -> list:
    """What the referenced pictures contribute to a rendering (for cache keys
    such as the PDF's): one query, none without references."""
    pictures = pictures_for([html])
    return [
        [
            picture.pk,
            picture.file.name,
            picture.alt_text,
            picture.caption,
            picture.credit_line,
            picture.focal_x,
            picture.focal_y,
        ]
        for picture in sorted(pictures.values(), key=lambda picture: picture.pk)
    ]


def missing_references(html: str) -> list[int]:
    """Ids in ``html`` that no picture has (or whose rights have ended)."""
    ids = referenced_ids(html)
    found = set(
        Picture.objects.usable().filter(pk__in=ids).values_list("pk", flat=True)
    )
    return [pk for pk in ids if pk not in found]
