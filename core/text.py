"""Text without control characters, for every model field whatever saves it.

A single control character in a title, a tag or a body breaks what is built
from it: XML (RSS and Atom refuse ``\\x0b``, ``\\x1b``…), mail headers (a line
break in a subject), JSON-LD readers. Control characters never belong in text
that people write, so they are removed before any row is written
(``clean_text_fields``, a ``pre_save`` receiver connected by ``CoreConfig`` for
every model: admin, WordPress import and the shell alike).

* Multi-line text (``TextField``): tab and line feed stay; ``\\r\\n`` and a lone
  ``\\r`` become ``\\n``; every other control character goes.
* Single-line text (``CharField`` and its kinds: slug, e-mail, URL): line
  breaks and tabs become one space (a title stays on one line, so a subject
  made of it stays one header), every other control character goes.

"Control character" is Unicode's category Cc (C0, DEL and C1); the line and
paragraph separators U+2028/U+2029 also end a line in single-line text.
"""

import re

from django.db import models

# C0 except tab and line feed, DEL, C1 (carriage returns are normalised first).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\t\x0b\x0c\x85\u2028\u2029]+")


def multi_line(value: str) -> str:
    """``value`` with normalised line ends and no other control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", value)


def single_line(value: str) -> str:
    """``value`` on one line: line breaks and tabs as one space, no controls."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", value))


def clean_text_fields(sender, instance, raw=False, **kwargs) -> None:
    """``pre_save`` receiver: clean every text field of ``instance`` in place.

    Fixtures (``raw``) are loaded as they are. Choice fields hold codes, not
    text, and are left alone.
    """
    if raw:
        return
    for field in instance._meta.concrete_fields:
        if field.choices:
            continue
        if isinstance(field, models.TextField):
            clean = multi_line
        elif isinstance(field, models.CharField):
            clean = single_line
        else:
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            cleaned = clean(value)
            if cleaned != value:
                setattr(instance, field.attname, cleaned)
