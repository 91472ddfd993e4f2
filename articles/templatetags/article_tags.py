import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or open an HTML comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """``<script type="application/ld+json">`` with ``data`` safely serialised."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )


@register.inclusion_tag("includes/_picture.html")
def article_picture(article, sizes="100vw", eager=False):
    """Responsive ``<img>`` with a srcset of the imagekit renditions."""
    return {"article": article, "sizes": sizes, "eager": eager}
