"""Admin of the ratings app.

* In the article form: an inline with the "ratings enabled" switch and the
  current summary (added through ``articles.extensions``, see ``apps.py``).
* In the article list: a "Rating" column (``rating_column``).
* Rating summaries: one row per rated article, its votes read-only (score and
  time only: the hashed voter ids are personal data of no use to editors), and
  an action to reset an article's ratings.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import SafeDateHierarchyMixin
from ratings import services
from ratings.models import RatingSummary, Vote


class RatingSummaryInline(admin.StackedInline):
    model = RatingSummary
    can_delete = False
    max_num = 1
    min_num = 0
    extra = 1
    fields = ["enabled", "summary_text"]
    readonly_fields = ["summary_text"]
    verbose_name = _("star ratings")
    verbose_name_plural = _("star ratings")

    @admin.display(description=_("Current rating"))
    def summary_text(self, obj: RatingSummary) -> str:
        if obj is None or obj.pk is None:
            return RatingSummary().label()
        return obj.label()


@admin.display(description=_("Rating"))
def rating_column(article) -> str:
    """Change-list column of the article admin (reads the joined summary)."""
    summary = getattr(article, "rating_summary", None)
    if summary is None or not summary.count:
        return "–"
    return f"{summary.average_display} ({summary.count})"


@admin.register(Vote)
class VoteAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    """Votes read-only: article, score and time; never the hashed voter ids."""

    list_display = ["article", "score", "created_at", "updated_at"]
    list_filter = ["score"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    date_hierarchy = "updated_at"
    fields = ["article", "score", "created_at", "updated_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # votes go away with "reset", which keeps the summary right


@admin.register(RatingSummary)
class RatingSummaryAdmin(admin.ModelAdmin):
    list_display = ["article", "enabled", "count", "average_text"]
    list_filter = ["enabled"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    fields = [
        "article",
        "enabled",
        "count",
        "average_text",
        "distribution",
        "imported_count",
    ]
    readonly_fields = [
        "article",
        "count",
        "average_text",
        "distribution",
        "imported_count",
    ]
    actions = ["reset_ratings"]

    @admin.display(description=_("Average"), ordering="total")
    def average_text(self, obj: RatingSummary) -> str:
        return obj.average_display if obj.count else "–"

    @admin.display(description=_("Votes"))
    def distribution(self, obj: RatingSummary) -> str:
        """Votes per score, and a link to the votes with their times."""
        per_score = dict(
            Vote.objects.filter(article_id=obj.pk)
            .values_list("score")
            .annotate(number=Count("pk"))
            .order_by()
        )
        rows = format_html_join(
            "",
            "<li>{} ★: {}</li>",
            ((score, per_score.get(score, 0)) for score in range(5, 0, -1)),
        )
        url = reverse("admin:ratings_vote_changelist") + f"?article__id__exact={obj.pk}"
        return format_html(
            '<ul style="margin:0">{}</ul><a href="{}">{}</a>',
            rows,
            url,
            _("Show the votes with their times"),
        )

    def has_add_permission(self, request) -> bool:
        return False  # summaries are created by the first vote or the article inline

    @admin.action(
        description=_("Reset the ratings of the selected articles"),
        permissions=["reset"],
    )
    def reset_ratings(self, request, queryset):
        deleted = 0
        for summary in queryset.select_related("article"):
            deleted += services.ratings_reset(article=summary.article)
        self.message_user(
            request,
            ngettext(
                "Ratings reset: %(count)d vote deleted.",
                "Ratings reset: %(count)d votes deleted.",
                deleted,
            )
            % {"count": deleted},
            messages.SUCCESS,
        )

    def has_reset_permission(self, request) -> bool:
        return request.user.has_perm("ratings.reset_ratings")
