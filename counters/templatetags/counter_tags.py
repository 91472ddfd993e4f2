from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import ngettext

from articles.models import Article
from counters.queries import most_read, view_total

register = template.Library()


def views_label(count: int) -> str:
    """„2.574 Artikelaufrufe“ / "2,574 views", grouped in the active locale."""
    return ngettext("%(count)s view", "%(count)s views", count) % {
        "count": number_format(count, force_grouping=True)
    }


@register.filter
def views_text(count) -> str:
    return views_label(int(count or 0))


@register.inclusion_tag("counters/_view_count.html")
def view_count(article):
    """The article's total; with ``VIEW_COUNT_BEACON`` also the counting script."""
    return {
        "article": article,
        "label": views_label(view_total(article)),
        "beacon": settings.VIEW_COUNT_BEACON,
    }


@register.inclusion_tag("counters/_most_read.html", takes_context=True)
def most_read_block(context, limit: int = 5):
    """The "Meistgelesen" sidebar block: last 7 days and all time.

    The querysets are lazy and evaluated inside a ``{% cache %}`` fragment
    (``VIEW_COUNT_MOST_READ_CACHE`` seconds, per language), so the home page pays
    the two queries at most once per period.
    """
    published = Article.objects.published().only("title", "slug", "publish_at")
    return {
        "request": context.get("request"),
        "week": most_read(published, days=7, limit=limit),
        "all_time": most_read(published, limit=limit),
        "cache_seconds": settings.VIEW_COUNT_MOST_READ_CACHE,
    }
