"""schema.org JSON-LD for articles, built as a dict and serialised with json.dumps.

Feature apps add their parts (aggregateRating, interactionStatistic, commentCount)
through ``articles.hooks.json_ld``.
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from articles import hooks
from articles.fragments import content_version
from articles.models import Article
from core.json_ld import json_ld_script
from core.site import site_url
from pictures import renditions


def _local_iso(moment) -> str | None:
    """ISO 8601 in the site's time zone, as German readers and crawlers expect."""
    return timezone.localtime(moment).isoformat() if moment else None


def article_json_ld(article: Article, request: HttpRequest) -> dict[str, Any]:
    """The article's schema.org data. What only a change of the article (or of
    its authors, tags, category) alters is cached like the page's fragments
    (``articles.fragments``); the feature apps' parts (rating, view and comment
    counts) are added fresh on every call."""
    key = "article-json-ld:{}:{}:{}".format(
        article.pk,
        article.updated_at.timestamp() if article.updated_at else "",
        content_version(request),
    )
    data = cache.get(key)
    if data is None:
        data = _article_json_ld(article, request)
        cache.set(key, data, settings.FRAGMENT_CACHE_SECONDS)
    data = dict(data)
    hooks.apply_json_ld_hooks(article, data)
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def render_json_ld(article: Article, request: HttpRequest) -> str:
    """The article page's JSON-LD script: a live part (its counts move)."""
    return json_ld_script(article_json_ld(article, request))


def _article_json_ld(article: Article, request: HttpRequest) -> dict[str, Any]:
    absolute = site_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        # The canonical page: the article in its own language, wherever read.
        "mainEntityOfPage": absolute(article.get_canonical_path()),
        "headline": article.title[:110],
        "description": article.description,
        "inLanguage": settings.LANGUAGE_CODE,
        "datePublished": _local_iso(article.publish_at),
        "dateModified": _local_iso(article.updated_at),
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in article.tag_list],
        "author": [_author_node(author, absolute) for author in article.byline_authors],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute("/"),
        },
    }
    if article.public_picture:
        # Google's Article rich results: 1:1, 4:3 and 16:9 around the focal point.
        data["image"] = [
            absolute(image.url)
            for image in renditions.structured_data_images(article.public_picture)
        ]
    return data


def _author_node(author, absolute) -> dict[str, Any]:
    """A byline as a ``Person``: the academic title in ``honorificPrefix``,
    never in ``name`` (as on the author page)."""
    node = {"@type": "Person", "name": author.full_name}
    if author.honorific:
        node["honorificPrefix"] = author.honorific
    node["url"] = absolute(author.get_absolute_url())
    return node


def _site_node(request: HttpRequest) -> dict[str, Any]:
    return {
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": site_url("/"),
    }


def breadcrumb_json_ld(
    trail: list[tuple[str, str]], request: HttpRequest
) -> dict[str, Any]:
    """schema.org ``BreadcrumbList`` from ``[(name, path), …]``, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": site_url(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def article_breadcrumb_json_ld(article: Article, request: HttpRequest):
    """Home → section → article (a second script beside the Article JSON-LD, so
    the Article object that feature apps extend keeps its shape)."""
    from django.utils.translation import gettext

    return breadcrumb_json_ld(
        [
            (gettext("Home"), "/"),
            (article.category.name, article.category.get_absolute_url()),
            (article.title, article.get_absolute_url()),
        ],
        request,
    )


def person_json_ld(author, request: HttpRequest) -> dict[str, Any]:
    """schema.org ``Person`` for an author page (no e-mail: it is internal)."""
    absolute = site_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": author.full_name,
        "givenName": author.first_name,
        "familyName": author.last_name,
        "honorificPrefix": author.honorific,
        "url": absolute(author.get_absolute_url()),
        "description": author.short_bio,
        "image": (
            absolute(renditions.social_card(author.public_portrait).url)
            if author.public_portrait
            else None
        ),
        "sameAs": [author.website] if author.website else [],
        "knowsAbout": author.topic_list,
        "worksFor": {"@type": "Organization", "name": settings.SITE_NAME},
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def collection_page_json_ld(category, articles, request: HttpRequest):
    """schema.org ``CollectionPage`` for a category page, listing its articles."""
    absolute = site_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": category.name,
        "description": category.description or category.name,
        "url": absolute(category.get_absolute_url()),
        "inLanguage": "de",
        "isPartOf": _site_node(request),
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": absolute(article.get_absolute_url()),
                    "name": article.title,
                }
                for position, article in enumerate(articles, start=1)
            ],
        },
    }
    return data
