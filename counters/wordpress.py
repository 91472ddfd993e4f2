"""The WordPress import's step for views (``wordpress_import.steps``).

WP-PostViews' total becomes the article's starting value via
``services.view_total_set`` (an offset, not a fake daily row, so "most read
this week" stays true). Views counted here since an earlier import stay on top
of it. A value that cannot be right (``views`` = "viele") is reported and
skipped; the post itself still goes in.
"""

from counters.services import view_total_set
from wordpress_import.plugin_data import DataError, views_total
from wordpress_import.steps import PostContext, post_step


@post_step("views")
def import_views(context: PostContext) -> None:
    try:
        total = views_total(context.item)
    except DataError as exc:
        context.report.skipped("views", str(exc), example=str(context.item.wp_id))
        return
    if total is None:
        return
    view_total_set(article_id=context.article.pk, total=total)
    if context.created:
        context.report.created("views")
    else:
        context.report.updated("views")
