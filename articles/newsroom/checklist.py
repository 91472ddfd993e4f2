"""The pre-publish checklist: what an article needs before it may go out.

Publishing is refused with the list of what is missing, whichever way it is
asked for: the admin's publish action, the status field (also a scheduled
publication). The change page shows the same list with ticks while the
article is edited (static/js/checklist.js reads the form)."""

from django.utils.translation import gettext_lazy as _

from articles.models import Article

CHECKS = {
    "lead": _("Lead"),
    "category": _("Category"),
    "byline": _("At least one author in the byline"),
    "image_alt": _("Alternative text of the featured image"),
    "image_credit": _("Photo credit of the featured image"),
}


def missing_for_publication(article: Article, *, has_byline: bool) -> list[str]:
    """The keys of ``CHECKS`` that ``article`` fails (its image checks only
    when it has a featured image)."""
    missing = []
    if not (article.lead or "").strip():
        missing.append("lead")
    if article.category_id is None:
        missing.append("category")
    if not has_byline:
        missing.append("byline")
    missing += picture_missing(article)
    return missing


def picture_missing(article: Article) -> list[str]:
    """The picture checks the article's stored featured picture fails: alt
    text and credit belong to the library picture, not to the form."""
    texts = getattr(article, "picture_upload_texts", None)  # uploaded in place
    if texts is None and article.picture_id:
        picture = article.picture
        texts = {
            "alt_text": picture.alt_text,
            "photographer": picture.photographer,
            "source": picture.source,
        }
    missing = []
    if texts is not None:
        if not texts["alt_text"].strip():
            missing.append("image_alt")
        if not (texts["photographer"].strip() or texts["source"].strip()):
            missing.append("image_credit")
    return missing


def describe(missing: list[str]) -> str:
    return ", ".join(str(CHECKS[key]) for key in missing)


def becomes_published(article: Article) -> bool:
    """Whether this save publishes (or schedules) an article that was not
    published before."""
    if article.status != Article.Status.PUBLISHED:
        return False
    if article.pk is None:
        return True
    stored = Article.objects.filter(pk=article.pk).values_list("status", flat=True)
    return stored.first() != Article.Status.PUBLISHED
