from django import template
from django.urls import translate_url
from django.utils.safestring import mark_safe

from articles import hooks, page_shells

register = template.Library()


@register.inclusion_tag("articles/includes/_picture.html")
def article_picture(article, sizes="100vw", eager=False, layout="teaser"):
    """The featured picture, cropped 16:9 around its focal point, as a
    responsive ``<picture>`` (WebP and JPEG ``srcset``); nothing when the
    article has none or its rights have ended."""
    return {"article": article, "sizes": sizes, "eager": eager, "layout": layout}


@register.simple_tag(takes_context=True)
def translated_path(context, language_code: str) -> str:
    """The current page's address in another language (``/en/…`` or ``/…``), for
    the language switcher's links and ``hreflang`` alternates. The page's own
    language is active here, so its address resolves and can be translated.
    From the path alone: a query string (``?&&&``) must not end up in a cached
    page that every later reader gets."""
    request = context.get("request")
    if request is None:
        return "/"
    # Each page asks twice per language (head and switcher): resolve once.
    paths = request.__dict__.setdefault("_translated_paths", {})
    if language_code not in paths:
        paths[language_code] = translate_url(request.path, language_code)
    return paths[language_code]


@register.simple_tag(takes_context=True)
def live(context, name: str, article) -> str:
    """A live part of the article page (see ``articles.page_shells``): rendered
    now, or, while the page's shell is being rendered, a marker for it."""
    if context.get("shell"):
        return mark_safe(page_shells.MARKER.format(name))
    return mark_safe(hooks.render_live_part(name, article, context["request"]))


@register.simple_tag(takes_context=True)
def page_parts(context, slot: str) -> str:
    """The blocks the installed feature apps add to ``slot`` of a page
    (``articles.hooks.page_part``); nothing when none is installed."""
    return mark_safe(hooks.render_page_parts(slot, context))
