"""Mails of the review workflow (sent after the step's transaction committed).

Each links to the article's change page at the configured site address. A
failing mail server is logged and never undoes the step.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article, ReviewNote
from articles.revisions import ArticleRevision
from core.site import site_url

logger = logging.getLogger(__name__)

# Steps whose mail goes to the editors; the others go to the article's people.
TO_EDITORS = {"submit"}
TO_AUTHORS = {
    "request_changes",
    "publish",
    "approve_changes",
    "schedule_changes",
    "return_changes",
}


def editor_addresses() -> list[str]:
    """``DJANGO_REVIEW_MAIL_TO`` when set, else every active editor's address."""
    if settings.REVIEW_MAIL_TO:
        return list(settings.REVIEW_MAIL_TO)
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name="Editor")
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def author_addresses(article: Article, *, step: str) -> list[str]:
    """The bylined journalists (and, for pending changes, who proposed them)."""
    addresses = {
        byline.author.user.email
        for byline in article.bylines.select_related("author__user")
        if byline.author.user and byline.author.user.is_active
    }
    if step in {"approve_changes", "schedule_changes", "return_changes"}:
        latest = (
            ArticleRevision.objects.filter(article=article, decided_at__isnull=False)
            .select_related("created_by")
            .order_by("-decided_at")
            .first()
        )
        if latest and latest.created_by:
            addresses.add(latest.created_by.email)
    return sorted(address for address in addresses if address)


def _subject(step: str, title: str) -> str:
    subjects = {
        "submit": _("For review: %(title)s"),
        "request_changes": _("Changes requested: %(title)s"),
        "publish": _("Published: %(title)s"),
        "approve_changes": _("Your changes are live: %(title)s"),
        "schedule_changes": _("Your changes were approved for later: %(title)s"),
        "return_changes": _("Your changes were sent back: %(title)s"),
    }
    # A subject is one line, whatever the title holds.
    return " ".join((subjects[step] % {"title": title}).split())[:200]


def step_announce(*, article_id: int, step: str, note_id: int) -> None:
    if step not in TO_EDITORS | TO_AUTHORS:
        return
    article = Article.objects.filter(pk=article_id).first()
    note = ReviewNote.objects.filter(pk=note_id).select_related("author").first()
    if article is None or note is None:
        return
    recipients = (
        editor_addresses()
        if step in TO_EDITORS
        else author_addresses(article, step=step)
    )
    if note.author and note.author.email in recipients and len(recipients) > 1:
        recipients.remove(note.author.email)  # nobody needs a mail about their own step
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        who = (
            (note.author.get_full_name() or note.author.get_username())
            if note.author
            else "–"
        )
        lines = [_("%(who)s: %(step)s") % {"who": who, "step": step_label(step)}]
        if note.text:
            lines += ["", note.text]
        lines += [
            "",
            site_url(reverse("admin:articles_article_change", args=[article.pk])),
        ]
        try:
            send_mail(
                _subject(step, article.title),
                "\n".join(lines),
                None,
                recipients,
            )
        except Exception:  # the step stays taken; the mail server is down
            logger.exception("review mail for article %s not sent", article.pk)


def step_label(step: str) -> str:
    from articles.workflow import STEP_LABELS  # workflow imports this module

    return str(STEP_LABELS.get(step, step))
