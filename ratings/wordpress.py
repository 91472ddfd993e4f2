"""The WordPress import's step for ratings (``wordpress_import.steps``).

WP-PostRatings' votes and sum become the imported part of the article's
``RatingSummary`` (``services.ratings_import``); the summary is that part plus
the votes cast here, so the article shows the same count and average at once,
``services.rating_set`` adds new votes to them, and ``ratings_recount`` keeps
them. A newer export replaces the imported part. A value that cannot be right
is reported and skipped; the post itself still goes in.
"""

from ratings.models import RatingSummary
from ratings.services import ratings_import
from wordpress_import.plugin_data import DataError, rating_totals
from wordpress_import.steps import PostContext, post_step


@post_step("ratings")
def import_ratings(context: PostContext) -> None:
    try:
        totals = rating_totals(context.item)
    except DataError as exc:
        context.report.skipped("ratings", str(exc), example=str(context.item.wp_id))
        return
    if totals is None:
        return
    before = RatingSummary.objects.filter(
        article=context.article, imported_count__gt=0
    ).exists()
    ratings_import(article=context.article, count=totals.count, total=totals.total)
    if before:
        context.report.updated("ratings")
    else:
        context.report.created("ratings")
