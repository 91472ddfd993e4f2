"""Library pictures in templates: ``{% picture %}`` (a responsive
``<picture>`` with WebP and JPEG ``srcset``) and ``{% portrait %}`` (a square
crop of an author's portrait at one size and twice it)."""

from fractions import Fraction

from django import template
from django.utils.safestring import mark_safe

from pictures import renditions
from pictures.body import references_render

register = template.Library()

LAYOUTS = renditions.LAYOUTS


@register.inclusion_tag("pictures/includes/_picture.html")
def picture(picture, layout="inline", sizes="100vw", eager=False, alt=None):
    """Nothing for a missing picture or one whose rights have ended."""
    if picture is None or not picture.is_usable:
        return {"picture": None}
    widths, ratio = LAYOUTS[layout]
    return {
        "picture": picture,
        "image": renditions.srcset(picture, widths=widths, ratio=ratio),
        "sizes": sizes,
        "eager": eager,
        "alt": picture.alt_text if alt is None else alt,
    }


@register.inclusion_tag("pictures/includes/_portrait.html")
def portrait(picture, size=96, alt="", css_class="", eager=False):
    if picture is None or not picture.is_usable:
        return {"picture": None}
    single = renditions.rendition(
        picture, renditions.crop(picture, Fraction(1), size, upscale=True)
    )
    double = renditions.rendition(
        picture, renditions.crop(picture, Fraction(1), size * 2)
    )
    return {
        "picture": picture,
        "single": single,
        "double": double,
        "size": size,
        "alt": alt,
        "css_class": css_class,
        "eager": eager,
    }


@register.simple_tag
def social_card_url(picture) -> str:
    """The 1200 × 630 crop for Open Graph and Twitter; "" without a usable picture."""
    if picture is None or not picture.is_usable:
        return ""
    return renditions.social_card(picture).url


@register.filter
def with_pictures(body: str, surface: str = "page") -> str:
    """The (sanitised) article body with its picture references rendered:
    ``{{ article.body|with_pictures }}``, ``…|with_pictures:"print"``."""
    # The body was sanitised on save (Article.save); figures are rendered
    # from our own templates, which escape what they show.
    return mark_safe(references_render(body or "", surface=surface))


@register.simple_tag
def feed_rendition(picture):
    """One JPEG at the article column's width (feed readers know no srcset)."""
    return renditions.rendition(picture, renditions.Fit(renditions.ARTICLE_WIDTHS[1]))
