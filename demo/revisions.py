"""Demo history: one article with several revisions and notes, one live
article with pending changes, so a newcomer finds both in the admin."""

from datetime import timedelta

from django.utils import timezone

from articles import workflow
from articles.models import Article, ReviewNote
from articles.revisions import ArticleRevision, article_snapshot, word_count

HISTORY_NOTES = [
    (5, "journalist", "Erste Fassung"),
    (3, "journalist", "Zahlen aus der Umfrage ergänzt"),
    (2, "editor", "Vorspann gekürzt, Zwischentitel geschärft"),
]
PENDING_NOTE = "Tippfehler im Vorspann korrigiert, Quelle ergänzt"


def add_demo_revisions(*, articles: list[Article], users: dict) -> None:
    """Idempotent: adds nothing where the demo history exists already."""
    published = [a for a in articles if a.status == Article.Status.PUBLISHED]
    if len(published) < 2:
        return
    _history(published[0], users)
    _pending(published[1], users)


def _history(article: Article, users: dict) -> None:
    if ArticleRevision.objects.filter(
        article=article, note=HISTORY_NOTES[0][2]
    ).exists():
        return
    now = timezone.now()
    current = article_snapshot(article)
    paragraphs = current["body"].split("</p>")
    for step, (days, user, note) in enumerate(HISTORY_NOTES):
        # Earlier versions: fewer paragraphs, a plainer title.
        keep = max(1, len(paragraphs) - (len(HISTORY_NOTES) - step))
        data = {
            **current,
            "body": "</p>".join(paragraphs[:keep]) + "</p>",
            "title": current["title"] if step else f"Entwurf: {current['title']}",
        }
        ArticleRevision.objects.create(
            article=article,
            created_at=now - timedelta(days=days),
            created_by=users[user],
            note=note,
            status=Article.Status.DRAFT if step == 0 else data["status"],
            word_count=word_count(data),
            data={
                **data,
                "status": Article.Status.DRAFT if step == 0 else data["status"],
            },
        )
    ReviewNote.objects.create(
        article=article,
        author=users["editor"],
        text="Bitte die Zahlen der Umfrage belegen.",
        transition="request_changes",
        created_at=now - timedelta(days=4),
    )


def _pending(article: Article, users: dict) -> None:
    if workflow.pending_change(article) is not None:
        return
    data = article_snapshot(article)
    data["lead"] = data["lead"].rstrip() + " (Quelle: Branchenverband, 2026)"
    workflow.pending_change_save(
        article=article, data=data, user=users["journalist"], note=PENDING_NOTE
    )
