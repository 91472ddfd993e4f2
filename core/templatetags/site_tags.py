"""``{% site_url path %}`` and ``{{ url|absolute_url }}``: absolute URLs on the
configured site address (``core.site``), never the request's host."""

from django import template

from core.site import site_url as _site_url

register = template.Library()


@register.simple_tag
def site_url(path: str = "/") -> str:
    return _site_url(path)


@register.filter
def absolute_url(url: str) -> str:
    """``/media/x.jpg`` → ``https://site/media/x.jpg`` (absolute URLs unchanged)."""
    return _site_url(url) if url else ""
