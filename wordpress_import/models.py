from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressObject(models.Model):
    """Which Redaktion row an object of a WordPress export became.

    Kept apart from ``Article`` (and ``Author``, ``Category``…) so that the models
    stay free of migration baggage; the importer looks rows up here first, which
    makes a second run update instead of duplicate. ``fingerprint`` is a hash of
    the post's source in the export: an unchanged post is skipped on the next run.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", _("Author")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        POST = "post", _("Post")
        PAGE = "page", _("Page")
        COMMENT = "comment", _("Comment")
        ATTACHMENT = "attachment", _("Attachment")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    wp_id = models.PositiveBigIntegerField(_("WordPress ID"))
    object_id = models.PositiveBigIntegerField(_("object ID"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        # Created by the articles app before the importer had an app of its
        # own; the table kept its name (wordpress_import/migrations/0001).
        db_table = "articles_wordpressobject"
        ordering = ["kind", "wp_id"]
        verbose_name = _("WordPress object")
        verbose_name_plural = _("WordPress objects")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "wp_id"], name="one_row_per_wordpress_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.wp_id} → {self.object_id}"


class LegacyURL(models.Model):
    """An old address of an article (a WordPress permalink or an old slug's).

    Requests for it that would end in 404 answer 301 to the article instead
    (``wordpress_import.middleware.LegacyRedirectMiddleware``). ``path`` is stored
    decoded, as Django's ``request.path`` is.
    """

    path = models.CharField(_("path"), max_length=500, unique=True)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="legacy_urls",
        verbose_name=_("article"),
    )

    class Meta:
        db_table = "articles_legacyurl"  # see WordPressObject.Meta
        ordering = ["path"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return self.path
