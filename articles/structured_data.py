"""schema.org JSON-LD for articles, built as a dict and serialised with json.dumps.

Feature apps add their parts (aggregateRating, interactionStatistic, commentCount)
through ``articles.extensions.register_json_ld_hook``.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from articles import extensions
from articles.models import Article


def _local_iso(moment) -> str | None:
    """ISO 8601 in the site's time zone, as German readers and crawlers expect."""
    return timezone.localtime(moment).isoformat() if moment else None


def article_json_ld(article: Article, request: HttpRequest) -> dict[str, Any]:
    absolute = request.build_absolute_uri
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "headline": article.title[:110],
        "description": article.description,
        "inLanguage": "de",
        "datePublished": _local_iso(article.publish_at),
        "dateModified": _local_iso(article.updated_at),
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "author": [
            {
                "@type": "Person",
                "name": author.display_name,
                "url": absolute(author.get_absolute_url()),
            }
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute("/"),
        },
    }
    if article.image:
        data["image"] = [absolute(article.image_large.url)]
    extensions.apply_json_ld_hooks(article, data)
    return {key: value for key, value in data.items() if value not in (None, "", [])}
