"""What an article body may be: bounded in size and nesting, whatever saves it.

Every path that saves an article (admin, WordPress import, shell) goes through
``Article.save``, which sanitises the body with nh3 and then checks it here:
a body longer than ``ARTICLE_BODY_MAX_CHARS`` or nested deeper than
``MAX_NESTING`` elements is refused with a ``ValidationError`` (a form error in
the admin, a skipped post with the reason in the import report). Both bounds
keep the pages and the PDF renderer within reach: 10,000 paragraphs (1.3 MB)
took WeasyPrint 55 s, lists nested 300 deep hit Python's recursion limit.
"""

from html.parser import HTMLParser

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# Lists inside lists inside a quote, with a link in bold in italics: about 25.
MAX_NESTING = 32
# Elements without an end tag (HTML's void elements) do not nest.
VOID_ELEMENTS = {"br", "hr", "img", "wbr", "area", "base", "col", "embed", "input"}


class _DepthParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth = max(0, self.depth - 1)


def nesting_depth(html: str) -> int:
    """How deep the elements of ``html`` (sanitised, so well-formed) nest."""
    parser = _DepthParser()
    parser.feed(html)
    parser.close()
    return parser.deepest


def body_check(html: str) -> None:
    """Raise ``ValidationError`` if the (sanitised) body is too long or too deep."""
    limit = settings.ARTICLE_BODY_MAX_CHARS
    if len(html) > limit:
        raise ValidationError(
            _(
                "The text is %(length)s characters long (with its markup); at "
                "most %(limit)s are possible. Please split it into several "
                "articles."
            ),
            code="body_too_long",
            params={
                "length": number_format(len(html), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
            },
        )
    if nesting_depth(html) > MAX_NESTING:
        raise ValidationError(
            _(
                "The text is nested too deeply (lists in lists, quotes in quotes): "
                "at most %(limit)s levels are possible."
            ),
            code="body_too_deep",
            params={"limit": MAX_NESTING},
        )
