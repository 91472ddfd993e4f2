"""Slugs with German transliteration.

„Übersicht für Käufer“ becomes ``uebersicht-fuer-kaeufer``.

Django's ``slugify`` (and the admin's JavaScript) drop the umlaut dots, which turns
„Käufer“ into „kaufer“; German readers expect ``ae``, ``oe``, ``ue`` and ``ss``.
Used for articles, authors, categories and tags.
"""

from collections.abc import Callable

from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        # Separators that slugify would swallow: „Vertrieb 3.0“ → vertrieb-3-0.
        ".": " ",
        "/": " ",
        "_": " ",
    }
)


def german_slugify(value: str, max_length: int = 200) -> str:
    slug = slugify(value.translate(GERMAN_TRANSLITERATION))
    return slug[:max_length].strip("-")


def unique_slug(
    value: str, exists: Callable[[str], bool], max_length: int = 200
) -> str:
    """``german_slugify(value)``, plus ``-2``, ``-3``… while ``exists`` says taken."""
    base = german_slugify(value, max_length) or "artikel"
    slug, number = base, 1
    while exists(slug):
        number += 1
        suffix = f"-{number}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
    return slug
