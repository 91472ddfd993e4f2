"""The site's public address, for every absolute URL and every cache key.

Absolute URLs (canonical and ``hreflang`` links, Open Graph, JSON-LD, feeds,
sitemaps, robots.txt, the PDF's footer, mails) are built from the configured
address, ``DJANGO_SITE_DOMAIN`` and the scheme that follows ``DJANGO_HTTPS``
(``settings.SITE_DOMAIN``, ``settings.SITE_SCHEME``), never from the request.
Django checks ``Host`` against ``ALLOWED_HOSTS`` but ignores its port, and a
proxy may claim any scheme: a page or PDF built from them would differ per
client, and every variant would be rendered and cached anew.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str = "/") -> str:
    """``/artikel/x/`` → ``https://magazin.example.org/artikel/x/``; URLs that
    are absolute already (media on object storage) come back unchanged."""
    if urlsplit(path).scheme:
        return path
    if not path.startswith("/"):
        path = "/" + path
    return f"{settings.SITE_SCHEME}://{settings.SITE_DOMAIN}{path}"
