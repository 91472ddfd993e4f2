from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def join_rating_summary(queryset):
    """Queryset hook: the summary row comes with every article (LEFT JOIN)."""
    return queryset.select_related("rating_summary")


def add_aggregate_rating(article, data: dict) -> None:
    """JSON-LD hook: schema.org ``aggregateRating`` once there is a vote."""
    summary = getattr(article, "rating_summary", None)
    if summary is None or not summary.enabled or not summary.count:
        return
    data["aggregateRating"] = {
        "@type": "AggregateRating",
        "ratingValue": round(summary.average, 2),
        "ratingCount": summary.count,
        "bestRating": 5,
        "worstRating": 1,
    }


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = _("Ratings")

    def ready(self):
        from articles import extensions
        from articles.signals import demo_content_created
        from ratings.admin import RatingSummaryInline, rating_column
        from ratings.demo import add_demo_votes

        extensions.register_queryset_hook(join_rating_summary)
        extensions.register_json_ld_hook(add_aggregate_rating)
        extensions.register_admin_inline(RatingSummaryInline)
        extensions.register_admin_column(rating_column)
        demo_content_created.connect(add_demo_votes, dispatch_uid="ratings-demo")
