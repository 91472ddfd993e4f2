"""Template tags of the discovery features: related articles, structured data."""

from django import template

from core.json_ld import json_ld_script
from discovery import structured_data
from discovery.related import related_articles as find_related_articles

register = template.Library()


@register.inclusion_tag("discovery/_related_articles.html")
def related_articles(article):
    """„Ähnliche Artikel“ under an article, in a constant number of queries."""
    return {"related_articles": find_related_articles(article)}


@register.simple_tag(takes_context=True)
def article_breadcrumb_json_ld(context, article) -> str:
    request = context["request"]
    return json_ld_script(structured_data.article_breadcrumb_json_ld(article, request))


@register.simple_tag(takes_context=True)
def person_json_ld(context, author) -> str:
    return json_ld_script(structured_data.person_json_ld(author, context["request"]))


@register.simple_tag(takes_context=True)
def collection_page_json_ld(context, category, articles) -> str:
    request = context["request"]
    return json_ld_script(
        structured_data.collection_page_json_ld(category, articles, request)
    )
