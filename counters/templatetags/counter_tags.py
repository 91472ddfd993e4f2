from django import template

from counters.labels import views_label

register = template.Library()


@register.filter
def views_text(count) -> str:
    """``{{ article.view_total|views_text }}``: „2.574 Artikelaufrufe“."""
    return views_label(int(count or 0))
