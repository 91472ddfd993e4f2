"""The newsroom dashboard: what each role finds on the admin index.

Every block reads a fixed number of rows (``BLOCK_ROWS``) plus its count, so
the page costs the same number of queries with ten articles or ten thousand
(tests/articles/newsroom/test_dashboard.py measures it at two sizes). Blocks of
the feature apps (comments waiting, most read today) come through
``articles.hooks.dashboard_block``; ``articles`` never imports them.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import hooks
from articles.models import Article, Byline, ReviewNote
from articles.revisions import ArticleRevision

BLOCK_ROWS = 10
RECENT_DAYS = 30
SCHEDULE_DAYS = 14
# A journalist's articles „in review“ include those an editor sent back.
IN_REVIEW = (Article.Status.REVIEW, Article.Status.CHANGES)


@dataclass
class Block:
    """A titled list of articles on the dashboard, with the total and a link
    to the change list filtered the same way."""

    key: str
    title: str
    articles: list
    total: int
    link: str
    empty: str
    time_label: str = ""
    figures: bool = False
    notes: bool = False
    rows: list = field(default_factory=list)


def changelist_url(**params) -> str:
    url = reverse("admin:articles_article_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _date(day) -> str:
    """Local midnight of ``day`` with its offset, as the admin's own date
    filter writes it (a bare date would be a naive datetime)."""
    return str(_midnight(day))


def _midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _rows(queryset: QuerySet) -> tuple[list, int]:
    """The first rows and the count: two queries, whatever the size."""
    return list(queryset[:BLOCK_ROWS]), queryset.count()


def _listed(queryset: QuerySet) -> QuerySet:
    bylines = Byline.objects.select_related("author").order_by("position")
    return queryset.select_related("category").prefetch_related(
        Prefetch("bylines", queryset=bylines)
    )


def is_editor(user) -> bool:
    return user.has_perm("articles.publish_article")


def is_journalist(user) -> bool:
    return user.has_perm("articles.change_article") and not is_editor(user)


def journalist_blocks(user) -> list[Block]:
    mine = Article.objects.editable_by(user).defer("search_vector", "body")
    today = timezone.localdate()
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    # A workflow step without words leaves an empty note: the latest words count.
    latest_note = (
        ReviewNote.objects.filter(article=OuterRef("pk"))
        .exclude(text="")
        .order_by("-created_at")
    )
    drafts, drafts_total = _rows(
        _listed(mine.filter(status=Article.Status.DRAFT)).order_by("-updated_at")
    )
    review, review_total = _rows(
        _listed(mine.filter(status__in=IN_REVIEW))
        .annotate(
            note_text=Subquery(latest_note.values("text")[:1]),
            note_at=Subquery(latest_note.values("created_at")[:1]),
        )
        .order_by("-updated_at")
    )
    published, published_total = _rows(
        hooks.apply_queryset_hooks(
            _listed(mine.published().filter(publish_at__gte=since))
        ).order_by("-publish_at")
    )
    return [
        Block(
            "my-drafts",
            _("My drafts"),
            drafts,
            drafts_total,
            changelist_url(status__exact=Article.Status.DRAFT),
            _("No drafts. Time for a new article?"),
            time_label=_("last changed"),
        ),
        Block(
            "my-review",
            _("My articles in review"),
            review,
            review_total,
            changelist_url(status__in=",".join(IN_REVIEW)),
            _("Nothing waiting for an editor."),
            time_label=_("last changed"),
            notes=True,
        ),
        Block(
            "my-published",
            _("Published by me in the last 30 days"),
            published,
            published_total,
            changelist_url(
                status__exact=Article.Status.PUBLISHED,
                publish_at__gte=_date(today - timedelta(days=RECENT_DAYS)),
                publish_at__lt=_date(today + timedelta(days=1)),
            ),
            _("Nothing published in the last 30 days."),
            time_label=_("published"),
            figures=True,
        ),
    ]


def editor_blocks(user) -> list[Block]:
    articles = Article.objects.defer("search_vector", "body")
    oldest_pending = (
        ArticleRevision.objects.filter(state=ArticleRevision.State.PENDING)
        .filter(article=OuterRef("pk"))
        .order_by("created_at")
    )
    now = timezone.now()
    today = timezone.localdate()
    review, review_total = _rows(
        _listed(articles.filter(status=Article.Status.REVIEW)).order_by(
            "updated_at", "pk"
        )
    )
    pending, pending_total = _rows(
        _listed(
            articles.filter(
                Exists(
                    ArticleRevision.objects.filter(
                        state=ArticleRevision.State.PENDING
                    ).filter(article=OuterRef("pk"))
                )
            )
        )
        .annotate(pending_since=Subquery(oldest_pending.values("created_at")[:1]))
        .order_by("pending_since", "pk")
    )
    scheduled, scheduled_total = _rows(
        _listed(
            articles.scheduled().filter(
                publish_at__lt=now + timedelta(days=SCHEDULE_DAYS)
            )
        ).order_by("publish_at", "pk")
    )
    start_of_day = _midnight(today)
    published_today, published_today_total = _rows(
        hooks.apply_queryset_hooks(
            _listed(articles.published().filter(publish_at__gte=start_of_day))
        ).order_by("-publish_at")
    )
    return [
        Block(
            "review-queue",
            _("Review queue (oldest first)"),
            review,
            review_total,
            changelist_url(status__exact=Article.Status.REVIEW, o="6"),
            _("The review queue is empty."),
            time_label=_("submitted"),
        ),
        Block(
            "pending-changes",
            _("Changes to live articles waiting for approval"),
            pending,
            pending_total,
            changelist_url(pending="1"),
            _("No changes waiting."),
        ),
        Block(
            "scheduled",
            _("Scheduled for the next 14 days"),
            scheduled,
            scheduled_total,
            changelist_url(
                status__exact=Article.Status.PUBLISHED,
                publish_at__gte=_date(today),
                publish_at__lt=_date(today + timedelta(days=SCHEDULE_DAYS + 1)),
            ),
            _("Nothing scheduled."),
            time_label=_("appears"),
        ),
        Block(
            "published-today",
            _("Published today"),
            published_today,
            published_today_total,
            changelist_url(
                status__exact=Article.Status.PUBLISHED,
                publish_at__gte=_date(today),
                publish_at__lt=_date(today + timedelta(days=1)),
            ),
            _("Nothing published yet today."),
            time_label=_("published"),
            figures=True,
        ),
    ]


def dashboard_context(request) -> dict:
    user = request.user
    blocks = []
    if is_journalist(user):
        blocks += journalist_blocks(user)
    if is_editor(user):
        blocks += editor_blocks(user)
    for block in blocks:
        block.rows = [
            {
                "article": article,
                "figures": hooks.article_figures(article) if block.figures else [],
            }
            for article in block.articles
        ]
    return {
        "dashboard_blocks": blocks,
        "dashboard_feature_blocks": hooks.render_dashboard_blocks(request),
        "can_add_article": user.has_perm("articles.add_article"),
    }
