"""A small inline SVG bar chart of daily views (admin change page).

Thirty bars need no charting library and no script: the SVG is built here, every
value escaped by ``format_html``; each bar carries a ``<title>`` (tooltip and
screen-reader text) and the whole chart an ``aria-label`` with the sum.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from counters.labels import views_label

WIDTH, HEIGHT, GAP = 600, 120, 2


def views_chart_svg(series: list[tuple[date, int]]) -> str:
    days = len(series)
    peak = max((count for _day, count in series), default=0) or 1
    bar = (WIDTH - GAP * (days - 1)) / days
    bars = []
    for index, (day, count) in enumerate(series):
        height = round(count / peak * (HEIGHT - 14), 1)
        bars.append(
            (
                round(index * (bar + GAP), 1),
                round(HEIGHT - height, 1),
                round(bar, 1),
                height,
                f"{date_format(day, 'SHORT_DATE_FORMAT')}: {views_label(count)}",
            )
        )
    total = sum(count for _day, count in series)
    label = _("Views per day, last %(days)d days: %(total)s in all") % {
        "days": days,
        "total": views_label(total),
    }
    return format_html(
        '<svg class="views-chart" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-label="{}" style="max-width:100%;height:auto">'
        '<line x1="0" y1="{}" x2="{}" y2="{}" stroke="#999" stroke-width="1"/>'
        "{}</svg>"
        '<p class="help">{} – {}: {} · {}</p>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        label,
        HEIGHT,
        WIDTH,
        HEIGHT,
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#a4161a">'
            "<title>{}</title></rect>",
            bars,
        ),
        date_format(series[0][0], "SHORT_DATE_FORMAT") if series else "",
        date_format(series[-1][0], "SHORT_DATE_FORMAT") if series else "",
        label,
        _("peak %(peak)s") % {"peak": views_label(peak if total else 0)},
    )
