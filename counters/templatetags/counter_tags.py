from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.formats import number_format
from django.utils.functional import SimpleLazyObject
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

    The all-time ranking sums every daily row of every article (4.8 s at
    100,000 articles and 30 days of rows on SQLite) and barely moves: it is
    cached on its own for ``VIEW_COUNT_MOST_READ_ALL_TIME_CACHE`` seconds and
    computed only when the fragment is rendered (the template calls the
    function). We chose this over a maintained total column, which would cost
    every counted view a second write statement (see ``counters.models``).
    """

    def published():
        return Article.objects.published().only("title", "slug", "publish_at")

    def all_time() -> list:
        return cache.get_or_set(
            f"counters-most-read-all-time-{limit}",
            lambda: list(most_read(published(), limit=limit)),
            settings.VIEW_COUNT_MOST_READ_ALL_TIME_CACHE,
        )

    return {
        "request": context.get("request"),
        # Even building the querysets costs time: only when the fragment renders.
        "week": SimpleLazyObject(
            lambda: list(most_read(published(), days=7, limit=limit))
        ),
        "all_time": all_time,
        "cache_seconds": settings.VIEW_COUNT_MOST_READ_CACHE,
    }
