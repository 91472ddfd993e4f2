"""``{% site_url path %}`` and ``{{ url|absolute_url }}``: absolute URLs on the
configured site address (``core.site``), never the request's host; and
``{% content_lang %}``, the language of the site's content."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.site import site_url as _site_url

register = template.Library()


@register.simple_tag
def site_url(path: str = "/") -> str:
    return _site_url(path)


@register.filter
def absolute_url(url: str) -> str:
    """``/media/x.jpg`` → ``https://site/media/x.jpg`` (absolute URLs unchanged)."""
    return _site_url(url) if url else ""


@register.simple_tag
def content_lang() -> str:
    """`` lang="de"`` on what editors and authors wrote (German: the site's
    ``LANGUAGE_CODE``), when the page around it speaks another language
    (``/en/``): WCAG 3.1.2, language of parts. Nothing on German pages."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')
