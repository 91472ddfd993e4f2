from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField, create_sanitizer
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from articles import hooks
from articles.body import body_check
from authors.models import Author
from core.slugs import german_slugify, unique_slug
from pictures.references import references_clean


def _publish_at_help_text() -> str:
    return _(
        "Date and time in the %(zone)s time zone (German time: CET in winter, "
        "CEST in summer). A time in the future schedules the article: it appears "
        "by itself when the time comes."
    ) % {"zone": settings.TIME_ZONE}


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in menus.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:category", kwargs={"slug": self.slug})


def published_q(prefix: str = "") -> Q:
    """What the public may see (``ArticleQuerySet.published``) as a ``Q``, also
    for queries that reach articles through a relation:
    ``published_q("content_object__")`` on tagged items."""
    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}publish_at__lte": timezone.now(),
        }
    )


class Tag(TagBase):
    """A taggit tag whose slug follows German transliteration („Künstliche
    Intelligenz“ → ``kuenstliche-intelligenz``), like article slugs."""

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:tag", kwargs={"slug": self.slug})

    def slugify(self, tag, i=None):
        slug = german_slugify(tag, max_length=90) or "schlagwort"
        return f"{slug}-{i}" if i is not None else slug


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="tagged_articles"
    )

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        # Related articles (discovery.related) count shared tags per article
        # from this index alone, without reading the tag rows.
        indexes = [
            models.Index(fields=["tag", "content_object"], name="tagged_article_by_tag")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="one_tag_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tag} – {self.content_object_id}"


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """What the public may see: published, and the publication time has come."""
        return self.filter(published_q())

    def scheduled(self) -> "ArticleQuerySet":
        return self.filter(
            status=Article.Status.PUBLISHED, publish_at__gt=timezone.now()
        )

    def visible_to(self, user) -> "ArticleQuerySet":
        """Published articles, plus every article for staff who may edit articles.

        Journalists see only their own drafts (see ``editable_by``).
        """
        if user.is_authenticated and user.is_staff:
            editable = Article.objects.editable_by(user).values("pk")
            return self.filter(published_q() | Q(pk__in=editable))
        return self.published()

    def editable_by(self, user) -> "ArticleQuerySet":
        """All articles for editors; a journalist's own (created or bylined)."""
        if user.has_perm("articles.publish_article"):
            return self.all()
        if user.has_perm("articles.change_article"):
            bylined = Byline.objects.filter(author__user=user).values("article")
            return self.filter(Q(created_by=user) | Q(pk__in=bylined))
        return self.none()

    def by_author(self, author) -> "ArticleQuerySet":
        return self.filter(authors=author)

    def with_related(
        self,
        *,
        join_category: bool = True,
        tags: bool = True,
        bylines: bool = True,
        features: bool = True,
    ) -> "ArticleQuerySet":
        """Everything a teaser or the article page shows, in a constant number of
        queries: category joined; bylines and tags prefetched; plus what the
        installed feature apps registered (rating summary, view total…).

        Lists of many articles ordered by date pass ``join_category=False`` and
        attach the categories themselves (``articles.views.with_categories`` reads
        all categories in one small query). With the join, SQLite's
        planner drives the list query from the categories through the
        ``article_category_publish`` index and sorts every published article
        (150 ms at 100,000 articles) instead of walking the publication-time
        index and stopping after one page (0.1 ms).

        Pages that show the tags or bylines only inside cached fragments pass
        ``tags=False``/``bylines=False``: a fragment that must be rendered reads
        them itself (``tag_list``, ``byline_authors``). Pages that show none of
        the feature apps' data (print view, PDF) pass ``features=False``.
        """
        # The search vector (articles.search_index) is only for the database.
        queryset = self.defer("search_vector").select_related("picture")
        if join_category:
            queryset = queryset.select_related("category")
        if bylines:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "bylines",
                    queryset=Byline.objects.select_related(
                        "author", "author__portrait"
                    ).order_by("position"),
                )
            )
        if tags:
            queryset = queryset.prefetch_related("tags")
        if not features:
            return queryset
        return hooks.apply_queryset_hooks(queryset)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        CHANGES = "changes", _("Changes requested")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "Part of the address. Leave empty to derive it from the title "
            "(„Übersicht für Käufer“ becomes „uebersicht-fuer-kaeufer“)."
        ),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("Teaser shown above the body and in lists."),
    )
    body = ProseEditorField(
        _("body"),
        config={"extensions": settings.ARTICLE_BODY_EXTENSIONS},
        # nh3 with the editor's allowlist, then picture references in their
        # one stored form (pictures.body).
        sanitize=[references_clean, create_sanitizer],
        blank=True,
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("category"),
    )
    tags = TaggableManager(_("tags"), through=TaggedArticle, blank=True)
    authors = models.ManyToManyField(
        "authors.Author",
        through="Byline",
        related_name="articles",
        verbose_name=_("authors"),
    )
    picture = models.ForeignKey(
        "pictures.Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("featured image"),
        help_text=_("Choose from the picture library or upload a new picture."),
    )
    image_caption = models.CharField(
        _("caption"),
        max_length=300,
        blank=True,
        help_text=_("For this article; empty: the picture's default caption."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=lazy(_publish_at_help_text, str)(),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=160,
        blank=True,
        help_text=_("For search engines; the lead is used when empty."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Full-text index of title, lead, tags, author names and body, kept current
    # by articles.search_index (PostgreSQL only; stays empty on SQLite). The GIN index
    # on it is created by migration 0004 on PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish and schedule articles"))]
        indexes = [
            models.Index(
                fields=["status", "-publish_at"], name="article_status_publish"
            ),
            # Category pages: their count and their newest articles come from
            # the index alone, without touching the (large) article rows.
            models.Index(
                fields=["category", "status", "-publish_at"],
                name="article_category_publish",
            ),
            # The feeds' Last-Modified (discovery.feeds.feeds_last_modified)
            # reads the newest change from this index instead of every row.
            models.Index(fields=["-updated_at"], name="article_updated"),
            # Whether an article is visible, by its id, from a narrow index
            # instead of the (large) row: for the ids of a tag's or an
            # author's articles (list pages, ids first) and for search
            # candidates (the FTS5 rowids on SQLite).
            models.Index(
                fields=["id", "status", "publish_at"], name="article_id_visibility"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Sanitise on every save, whatever the path (admin, import, shell):
        # the same allowlist as the editor, enforced by nh3; then bounded in
        # size and nesting (articles.body).
        self.body = self._meta.get_field("body").sanitize(self.body or "")
        body_check(self.body)
        if not self.slug:
            self.slug = unique_slug(
                self.title,
                lambda slug: (
                    Article.objects.filter(slug=slug).exclude(pk=self.pk).exists()
                ),
                max_length=self._meta.get_field("slug").max_length,
            )
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def get_canonical_path(self) -> str:
        """The address in the language the article is written in (German):
        the canonical page behind every language's address of it."""
        with translation.override(settings.LANGUAGE_CODE):
            return self.get_absolute_url()

    def clean(self):
        # The form has sanitised the body already (ProseEditorField.clean).
        try:
            body_check(self.body or "")
        except ValidationError as error:
            raise ValidationError({"body": error}) from None

    @property
    def is_published(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @cached_property
    def tag_list(self) -> list:
        """The tags, read once per instance (from the prefetch of
        ``with_related`` where there is one): the article page's cached
        fragments, its link preview and its JSON-LD all list them."""
        return list(self.tags.all())

    @property
    def byline_authors(self) -> list:
        """Authors in byline order: from the prefetch of ``with_related``, or
        read once per instance (the article page reads them only to render its
        cached fragments, several of which list them)."""
        if "bylines" in getattr(self, "_prefetched_objects_cache", {}):
            return [byline.author for byline in self.bylines.all()]
        if "_byline_authors" not in self.__dict__:
            bylines = self.bylines.select_related(
                "author", "author__portrait"
            ).order_by("position")
            self.__dict__["_byline_authors"] = [byline.author for byline in bylines]
        return self.__dict__["_byline_authors"]

    @property
    def public_picture(self):
        """The featured picture if it may be shown (its rights have not ended)."""
        picture = self.picture
        return picture if picture is not None and picture.is_usable else None

    @property
    def picture_caption(self) -> str:
        if self.picture is None:
            return ""
        return self.image_caption or self.picture.caption

    @property
    def description(self) -> str:
        return self.meta_description or self.lead

    @property
    def reading_minutes(self) -> int:
        from django.utils.html import strip_tags

        words = len(strip_tags(self.body).split()) + len(self.lead.split())
        return max(1, round(words / 200))


class Byline(models.Model):
    """An author of an article, in byline order."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        "authors.Author",
        on_delete=models.PROTECT,
        related_name="bylines",
        verbose_name=_("author"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors (in byline order)")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="one_byline_per_author"
            )
        ]

    def __str__(self) -> str:
        return f"{self.author} – {self.article}"


class InlinePicture(models.Model):
    """A library picture shown inside an article's text, kept in step with the
    body's references by ``articles.signals``: the picture's page lists the
    use, and the picture cannot be deleted while it lasts."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="inline_pictures"
    )
    picture = models.ForeignKey(
        "pictures.Picture",
        on_delete=models.PROTECT,
        related_name="inline_uses",
        verbose_name=_("picture"),
    )

    class Meta:
        ordering = ["article", "picture"]
        verbose_name = _("picture in the text")
        verbose_name_plural = _("pictures in the text")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "picture"], name="one_inline_use_per_picture"
            )
        ]

    def __str__(self) -> str:
        return str(self.article)

    @property
    def used_by(self) -> Article:
        """What the picture library lists as the use (pictures.uses)."""
        return self.article


class ContentVersion(models.Model):
    """One number that changes whenever something a public page shows may have
    changed: an article, author, category, tag or comment was saved or deleted.

    The cached HTML fragments of the public pages are keyed on it (see
    ``articles.fragments``). It lives in the database, not in the cache, so every
    worker and every host sees a change at once, whatever the cache backend.
    There is a single row (``pk=1``, created by a migration).
    """

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")

    def __str__(self) -> str:
        return str(self.number)


class ReviewNote(models.Model):
    """An editor's note on an article in review: what to change before it can be
    published. The journalist's dashboard shows the latest one."""

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="review_notes",
        verbose_name=_("article"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # The workflow step the note came with (articles.workflow.TRANSITIONS),
    # empty for a note without a step.
    transition = models.CharField(_("step"), max_length=20, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")

    def __str__(self) -> str:
        return f"{self.article} – {self.created_at:%Y-%m-%d %H:%M}"


class SearchDocument(models.Model):
    """An article's words as the SQLite search index sees them: every word
    lower-cased and reduced to its German stem (``articles.german``).

    The content table of the FTS5 index ``articles_search_fts`` (external
    content, migration 0017): SQL triggers on this table keep the index in
    step, ``articles.search_index`` keeps this table in step with the articles.
    Stays empty on PostgreSQL, whose index is ``Article.search_vector``.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.TextField(blank=True)
    lead = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    authors = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search document")

    def __str__(self) -> str:
        return str(self.article_id)


class ArticleAutosave(models.Model):
    """What one person had typed into an article's form, saved by the writing
    screen every few seconds (``articles.newsroom.autosave``), never into the
    article itself: after a closed tab or a crash they may restore it. One per
    person and article; ``article`` is empty for a new, not yet saved one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
    )
    fields = models.JSONField(_("form content"))
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"], name="one_autosave_per_user_and_article"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="one_new_article_autosave_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.article or '…'} ({self.saved_at:%H:%M})"


class ArticleEditLock(models.Model):
    """Who has an article open in the writing screen right now: renewed by
    the page's heartbeat, stale when the heartbeats stop
    (``articles.newsroom.locks``). A hint for colleagues, not a hard lock: the
    version check of the form is what keeps saves from being lost."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="edit_lock"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateTimeField(_("editing since"), default=timezone.now)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), default=timezone.now)

    class Meta:
        verbose_name = _("edit lock")
        verbose_name_plural = _("edit locks")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.user}"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self) -> "PreviewLinkQuerySet":
        """Neither revoked nor expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A shareable link to an unpublished article for someone without a login
    (an interviewee, a lawyer): its address carries ``token``, 256 random
    bits; it expires, and its editors may revoke it
    (``articles.newsroom.preview_links``)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.expires_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("articles:shared-preview", kwargs={"token": self.token})


def authors_with_published_articles() -> models.QuerySet:
    """Authors with at least one published article (author list, sitemap)."""
    return Author.objects.filter(
        pk__in=Article.objects.published().values("authors")
    ).distinct()


# Revisions and pending changes live in their own module (articles.revisions).
from articles.revisions import ArticleRevision  # noqa: E402, F401
