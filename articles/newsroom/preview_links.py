"""Shareable preview links: an unpublished article's latest saved state for
someone without a login (an interviewee, a lawyer).

A link is a row (``PreviewLink``) whose address carries 256 random bits,
rather than a ``django.core.signing`` token: revoking and listing the links
need a row anyway, the random key is as unguessable as a signature, and a
rotated ``SECRET_KEY`` does not silently break the links sent out. An
expired, revoked, unknown or malformed token, and the link of a deleted
article (the rows go with it), all find nothing: one 404 page.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, PreviewLink

TOKEN_BYTES = 32


class PreviewLinkRefused(Exception):
    """The article cannot be shared this way (published: it has a public page)."""


def may_share(article: Article) -> bool:
    """Drafts and articles in review or sent back; a published article has
    its public address."""
    return article.status != Article.Status.PUBLISHED


def days_clean(raw) -> int:
    """The chosen lifetime in days: 1 to ``PREVIEW_LINK_MAX_DAYS``, the
    default for anything else."""
    if isinstance(raw, str) and raw.strip().isdigit() and len(raw.strip()) < 4:
        days = int(raw)
        if 1 <= days <= settings.PREVIEW_LINK_MAX_DAYS:
            return days
    return settings.PREVIEW_LINK_DAYS


@transaction.atomic
def preview_link_create(*, article: Article, user, days: int) -> PreviewLink:
    if not may_share(article):
        raise PreviewLinkRefused
    return PreviewLink.objects.create(
        article=article,
        token=secrets.token_urlsafe(TOKEN_BYTES),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
    )


def preview_link_revoke(*, article: Article, link_id: int) -> bool:
    """Revoke one of ``article``'s links; False when it has no such active link."""
    return bool(
        PreviewLink.objects.active()
        .filter(article=article, pk=link_id)
        .update(revoked_at=timezone.now())
    )


def preview_links_prune(*, now) -> int:
    """Delete the links that can no longer open anything (expired or revoked):
    their tokens already find nothing, and who shared which draft with whom
    is kept no longer than the link works. Returns how many went."""
    deleted, _ = PreviewLink.objects.filter(
        Q(revoked_at__isnull=False) | Q(expires_at__lte=now)
    ).delete()
    return deleted


def forget_dead_preview_links(sender, now, **kwargs):
    """The daily ``privacy_cleanup`` step of preview links."""
    return ("expired or revoked preview links deleted", preview_links_prune(now=now))


def active_links(article: Article) -> list[PreviewLink]:
    return list(PreviewLink.objects.active().filter(article=article))


def shared_article(token: str) -> tuple[Article, PreviewLink] | None:
    """The article behind an active link's token, with the link, or None.
    Two queries, the article with what its page shows joined as for readers."""
    if not isinstance(token, str) or not 20 <= len(token) <= 64:
        return None
    link = PreviewLink.objects.active().filter(token=token).first()
    if link is None:
        return None
    article = (
        Article.objects.with_related(tags=False, bylines=False)
        .filter(pk=link.article_id)
        .first()
    )
    return None if article is None else (article, link)
