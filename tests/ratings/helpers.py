"""Shared helpers of the ratings tests."""

from django.db.models import Count, Sum

from ratings.models import RatingSummary, Vote


def assert_summary_matches_votes(article) -> RatingSummary:
    """The stored summary equals what the votes add up to, plus the ratings
    imported from the old site (which have no vote rows)."""
    summary = RatingSummary.objects.get(article=article)
    totals = Vote.objects.filter(article=article).aggregate(
        count=Count("pk"), total=Sum("score")
    )
    assert summary.count == summary.imported_count + totals["count"]
    assert summary.total == summary.imported_total + (totals["total"] or 0)
    return summary
