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


def forget_machine_keys(sender, now, **kwargs):
    """Daily privacy clean-up: machine keys only ever match on their own day."""
    from django.utils import timezone

    from ratings.services import vote_machine_keys_forget

    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0)
    changed = vote_machine_keys_forget(before=start_of_today)
    return ("machine keys of earlier days' votes blanked", changed)


class RatingsConfig(AppConfig):
    name = "ratings"
    verbose_name = _("Ratings")

    def ready(self):
        from articles import extensions
        from core.signals import demo_content_created, privacy_cleanup_requested
        from ratings.admin import RatingSummaryInline, rating_column
        from ratings.demo import add_demo_votes
        from ratings.templatetags.rating_tags import (
            render_rating_summary,
            render_rating_widget,
        )

        extensions.register_queryset_hook(join_rating_summary)
        extensions.register_json_ld_hook(add_aggregate_rating)
        extensions.register_admin_inline(RatingSummaryInline)
        extensions.register_admin_column(rating_column)
        extensions.register_live_part("rating_summary", render_rating_summary)
        extensions.register_live_part("rating_widget", render_rating_widget)
        demo_content_created.connect(add_demo_votes, dispatch_uid="ratings-demo")
        privacy_cleanup_requested.connect(
            forget_machine_keys, dispatch_uid="ratings-privacy-cleanup"
        )
