"""View counts: one row per article and day, plus an imported or corrected offset.

Why no total column: a counted view must cost at most one write statement. A total
column *and* a daily row would be two (an upsert and an update); keeping the daily
rows as the only record makes the count one upsert (see ``services.view_record``)
and the total their sum, which the database adds up in the article query itself
(``queries.with_view_total``). Counts from before counting began (an import from
WP-PostViews) or corrections live in ``ViewOffset``, never in a fake daily row, so
"most read this week" and the admin chart stay true.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DailyViews(models.Model):
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="daily_views",
        verbose_name=_("article"),
    )
    day = models.DateField(_("day"), help_text=_("In the site's time zone."))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        ordering = ["-day", "article"]
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            # The upsert in services.view_record relies on this constraint.
            models.UniqueConstraint(
                fields=["article", "day"], name="one_views_row_per_article_and_day"
            ),
            models.CheckConstraint(
                condition=Q(count__gte=0), name="daily_views_not_negative"
            ),
        ]
        # "Most read this week" reads the period's rows from this index alone
        # (day first, and the count in it: no row lookups).
        indexes = [
            models.Index(
                fields=["day", "article", "count"], name="daily_views_by_day_count"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.count}"


class ViewOffset(models.Model):
    """Views not in the daily rows: a starting value imported for a migrated article,
    or a correction (may be negative). Total = offset + sum of daily rows."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="view_offset",
        verbose_name=_("article"),
    )
    views = models.BigIntegerField(_("views"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["article"]
        verbose_name = _("imported or corrected views")
        verbose_name_plural = _("imported or corrected views")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views:+d}"


class MostRead(models.Model):
    """One place of a most-read ranking, as the last roll-up computed it
    (``counters.rollups``, a job every few minutes): the home page reads these
    few rows instead of summing the daily rows of every article."""

    class Ranking(models.TextChoices):
        WEEK = "week", _("Last 7 days")
        ALL_TIME = "all", _("All time")

    ranking = models.CharField(_("ranking"), max_length=8, choices=Ranking.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="most_read_places",
        verbose_name=_("article"),
    )
    views = models.BigIntegerField(_("views"))
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["ranking", "position"]
        verbose_name = _("most-read place")
        verbose_name_plural = _("most-read rankings")
        constraints = [
            models.UniqueConstraint(
                fields=["ranking", "position"], name="one_article_per_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ranking} {self.position}: {self.article_id}"
