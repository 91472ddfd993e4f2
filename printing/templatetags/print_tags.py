"""Template tags of the print issue: the „Drucken · PDF · E-Mail“ and share links
under an article, and CSS escaping for the PDF's page margins."""

from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.site import site_url
from printing.pdf import css_string as pdf_css_string

register = template.Library()


def _encode(value: str) -> str:
    """Percent-encode UTF-8 for a URL query or ``mailto:`` header (RFC 3986 and
    RFC 6068): spaces as ``%20``, never ``+`` (mail programs show ``+`` literally),
    and ``&``, ``=``, ``?``, ``#`` encoded so they cannot end a field."""
    return quote(value, safe="")


def mailto_url(*, subject: str, body: str) -> str:
    """A ``mailto:`` link with subject and body prefilled, for the reader's own
    mail program: the server sends nothing on a visitor's behalf."""
    return f"mailto:?subject={_encode(subject)}&body={_encode(body)}"


def share_links(*, url: str, title: str) -> list[dict[str, str]]:
    """Plain links to the networks' share pages (the Shariff principle: nothing
    goes to a network, and nothing is loaded from it, before the reader clicks)."""

    def query(**params: str) -> str:
        return urlencode(params, quote_via=quote)

    return [
        {
            "network": "facebook",
            "name": "Facebook",
            "url": "https://www.facebook.com/sharer/sharer.php?" + query(u=url),
        },
        {
            "network": "x",
            "name": "X",
            "url": "https://x.com/intent/tweet?" + query(url=url, text=title),
        },
        {
            "network": "linkedin",
            "name": "LinkedIn",
            "url": "https://www.linkedin.com/sharing/share-offsite/?" + query(url=url),
        },
        {
            "network": "xing",
            "name": "XING",
            "url": "https://www.xing.com/spi/shares/new?" + query(url=url),
        },
    ]


@register.inclusion_tag("printing/includes/_article_actions.html", takes_context=True)
def article_actions(context, article):
    """„Drucken · PDF · E-Mail“, share links and the „Teilen“ button."""
    url = site_url(article.get_absolute_url())
    # RFC 6068: line breaks in a mailto body are CRLF.
    body = f"{article.lead}\r\n\r\n{url}"
    return {
        "article": article,
        "article_url": url,
        "print_url": reverse("printing:print", kwargs={"slug": article.slug})
        + "?print=1",
        "pdf_url": reverse("printing:pdf", kwargs={"slug": article.slug}),
        "mailto_url": mailto_url(subject=article.title, body=body),
        "share_links": share_links(url=url, title=article.title),
    }


@register.filter
def css_string(value) -> str:
    """A value as a quoted, escaped CSS string for ``content:`` in ``<style>``."""
    return mark_safe(pdf_css_string(str(value)))
