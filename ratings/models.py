"""Star ratings: one vote per visitor and article, and a per-article summary.

The summary (vote count and sum of scores) is the only thing the article page
reads; it is joined to the article with ``select_related`` (see ``apps.py``) and
changed in the same transaction as the vote (see ``services.rating_set``), so
the page needs no aggregate query and summary and votes never disagree.

Ratings from before this site (an import from WP-PostRatings) have no vote rows;
their number and sum are kept apart in ``imported_count``/``imported_total``, so
the summary is always *imported part + votes*: new votes add to it, and a
recount from the votes (``services.ratings_recount``) keeps it.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MIN_SCORE = 1
MAX_SCORE = 5


class RatingSummary(models.Model):
    """Per-article totals, and whether the article takes ratings at all."""

    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="rating_summary",
        verbose_name=_("article"),
    )
    enabled = models.BooleanField(
        _("ratings enabled"),
        default=True,
        help_text=_("Readers may rate this article with one to five stars."),
    )
    count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    total = models.PositiveIntegerField(_("sum of scores"), default=0, editable=False)
    imported_count = models.PositiveIntegerField(
        _("imported votes"),
        default=0,
        editable=False,
        help_text=_("Votes from the old site (no vote rows); part of the count."),
    )
    imported_total = models.PositiveIntegerField(
        _("sum of imported scores"), default=0, editable=False
    )

    class Meta:
        ordering = ["article"]
        verbose_name = _("rating summary")
        verbose_name_plural = _("rating summaries")
        permissions = [("reset_ratings", _("Can reset the ratings of an article"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=models.F("count") * MIN_SCORE)
                & Q(total__lte=models.F("count") * MAX_SCORE),
                name="rating_total_within_scores",
            ),
            models.CheckConstraint(
                condition=Q(imported_total__gte=models.F("imported_count") * MIN_SCORE)
                & Q(imported_total__lte=models.F("imported_count") * MAX_SCORE)
                & Q(count__gte=models.F("imported_count"))
                & Q(total__gte=models.F("imported_total")),
                name="rating_imported_part_within_summary",
            ),
        ]

    def __str__(self) -> str:
        return str(self.article)

    @property
    def average(self) -> float | None:
        """Arithmetic mean of the scores; ``None`` before the first vote."""
        return self.total / self.count if self.count else None

    @property
    def average_display(self) -> str:
        """The average with one decimal in the active locale ("4,8" / "4.8"),
        rounded half up like ``floatformat`` (``number_format`` alone cuts)."""
        if not self.count:
            return number_format(0, decimal_pos=1)
        average = Decimal(self.total) / Decimal(self.count)
        rounded = average.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return number_format(rounded, decimal_pos=1)

    @property
    def glyphs(self) -> str:
        """The average as five stars for the eye ("★★★★☆"), rounded to whole
        stars; screen readers get ``spoken_label`` instead."""
        filled = round(self.average or 0)
        return "★" * filled + "☆" * (MAX_SCORE - filled)

    @property
    def compact_label(self) -> str:
        """For the article's header line: "★ 4,8 (23)"."""
        count = number_format(self.count, force_grouping=True)
        return f"★ {self.average_display} ({count})"

    def label(self) -> str:
        """ "Bewertung: 4,8 – 23 Stimmen" / "Rating: 4.8 – 23 votes"."""
        return self._filled(
            ngettext(
                "Rating: %(average)s – %(count)s vote",
                "Rating: %(average)s – %(count)s votes",
                self.count,
            )
        )

    def spoken_label(self) -> str:
        """What screen readers hear: "4,8 von 5 Sternen, 23 Stimmen"."""
        return self._filled(
            ngettext(
                "%(average)s of 5 stars, %(count)s vote",
                "%(average)s of 5 stars, %(count)s votes",
                self.count,
            )
        )

    def _filled(self, text: str) -> str:
        if not self.count:
            return str(_("Not rated yet"))
        count = number_format(self.count, force_grouping=True)
        return text % {"average": self.average_display, "count": count}


class Vote(models.Model):
    """One visitor's score for one article.

    ``voter`` identifies the visitor without personal data: a keyed hash of the
    account (logged-in users) or of the random id in the visitor's signed
    cookie. ``machine_key`` is the day's HMAC of IP address and user agent
    (``core.visitors.visitor_key``); it catches a visitor who cleared the
    cookie on the same day and becomes unlinkable when the day's secret
    rotates. See ``services.rating_set`` for how the two combine.
    ``network_key`` is the day's HMAC of the voter's network alone
    (``core.visitors.network_key``): it caps the new votes one network may cast
    on an article per day (``VOTES_PER_NETWORK``), and is blanked with the
    machine key.
    """

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="rating_votes",
        verbose_name=_("article"),
    )
    voter = models.CharField(_("voter (hashed)"), max_length=64, editable=False)
    machine_key = models.CharField(
        _("machine key (hashed, rotates daily)"),
        max_length=32,
        blank=True,
        editable=False,
    )
    network_key = models.CharField(
        _("network key (hashed, rotates daily)"),
        max_length=32,
        blank=True,
        editable=False,
    )
    score = models.PositiveSmallIntegerField(_("score"))
    created_at = models.DateTimeField(_("first voted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "voter"], name="one_rating_per_voter"
            ),
            models.CheckConstraint(
                condition=Q(score__range=(MIN_SCORE, MAX_SCORE)), name="score_1_to_5"
            ),
        ]
        indexes = [
            models.Index(fields=["article", "machine_key"], name="vote_machine_key"),
            models.Index(fields=["article", "network_key"], name="vote_network_key"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.score}"
