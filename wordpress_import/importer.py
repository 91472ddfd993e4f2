"""Maps a WXR export onto Redaktion's models.

``WordPressImporter.run()`` first scans the whole file (nothing is written if it
is not a valid, safe WXR file), then imports authors and terms, then streams the
items. Every post goes in its own transaction: a post that fails is rolled back,
reported and skipped, and the import goes on. Each imported object's WordPress
ID is kept in ``WordPressObject``, so a second run updates instead of
duplicating, and skips posts whose source did not change.

After a post's own fields, *post steps* run in order (terms, byline, featured
image, old addresses, then the steps of feature apps: views, ratings, comments,
each in its app's ``wordpress.py``; see ``wordpress_import.steps``). Data for
which no step is registered is reported as skipped with the reason, never
dropped silently.
"""

import contextlib
import hashlib
import html
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator

from articles.models import Article, Byline, Category, Tag
from articles.search_index import search_index_deferred
from authors.models import Author
from core.slugs import german_slugify, unique_slug
from pictures.models import Picture
from pictures.services import picture_from_stored_file
from wordpress_import import parser
from wordpress_import.content import convert_body, plain_text, split_caption
from wordpress_import.media import MediaError, MediaLibrary
from wordpress_import.models import LegacyURL, WordPressObject
from wordpress_import.parser import parse_date
from wordpress_import.report import Report
from wordpress_import.steps import FEATURE_DATA, PostContext, installed_steps

# Change when the mapping changes: every post's fingerprint changes with it, so
# the next run imports every post again instead of skipping it as unchanged.
IMPORTER_VERSION = "2"

# A figure around one image (a link around it allowed), with an optional
# caption: what [caption] shortcodes and Gutenberg image blocks have become.
INLINE_FIGURE = re.compile(
    r"<figure\b[^>]*>\s*(?:<a\b[^>]*>\s*)?(?P<img><img\b[^>]*>)\s*(?:</a>\s*)?"
    r"(?:<figcaption\b[^>]*>(?P<caption>.*?)</figcaption>\s*)?</figure>",
    re.IGNORECASE | re.DOTALL,
)
IMG_SRC = re.compile(r'\ssrc="([^"]+)"')
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d{1,18})\b")

# Leading words of a display name that are academic titles („Prof. Dr. Anna Berger“).
HONORIFICS = {
    "prof.",
    "dr.",
    "dr.-ing.",
    "dipl.-ing.",
    "dipl.-kfm.",
    "dipl.-kff.",
    "ing.",
    "mag.",
    "med.",
    "phil.",
    "rer.",
    "nat.",
    "pol.",
    "oec.",
    "jur.",
    "habil.",
    "h.c.",
    "em.",
    "apl.",
    "pd",
}
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
DEFAULT_CATEGORY = ("allgemein", "Allgemein")
STATUS_MAP = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # with a future publish_at: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.REVIEW,
    "private": Article.Status.DRAFT,
}
SKIPPED_STATUSES = {
    "trash": "in the WordPress trash",
    "auto-draft": "an automatic draft WordPress never showed",
    "inherit": "a revision",
}

# WordPress page slugs of the legal pages, and their flat page here.
LEGAL_PAGES = {
    "impressum": "/impressum/",
    "imprint": "/impressum/",
    "legal-notice": "/impressum/",
    "datenschutz": "/datenschutz/",
    "datenschutzerklaerung": "/datenschutz/",
    "datenschutzerklarung": "/datenschutz/",
    "privacy-policy": "/datenschutz/",
}
# In the placeholder text of both legal pages (articles/migrations/0003_…).
LEGAL_PLACEHOLDER = "Bitte ergänzen Sie die Angaben in eckigen Klammern"


def split_display_name(name: str) -> tuple[str, str, str]:
    """„Prof. Dr. Anna Maria Berger“ → ("Prof. Dr.", "Anna Maria", "Berger")."""
    words = name.split()
    titles = []
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        titles.append(words.pop(0))
    if not words:
        return " ".join(titles), "", ""
    if len(words) == 1:
        return " ".join(titles), "", words[0]
    return " ".join(titles), " ".join(words[:-1]), words[-1]


def clean_slug(value: str) -> str:
    """WordPress slugs are URL-encoded UTF-8; article URLs take ASCII slugs."""
    decoded = unquote(value or "").strip()
    if SLUG.fullmatch(decoded):
        return decoded.lower()
    return german_slugify(decoded)


def old_path(url: str) -> str:
    """The decoded path of an old permalink; empty for ``/?p=123`` links."""
    parts = urlsplit(url or "")
    path = unquote(parts.path)
    return "" if path in {"", "/"} else path


class WordPressImporter:
    def __init__(
        self,
        path: Path,
        *,
        media_dir: Path | None = None,
        dry_run: bool = False,
        create_users: bool = False,
        timeout: float = 20.0,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.path = Path(path)
        self.dry_run = dry_run
        self.create_users = create_users
        self.progress = progress
        self.report = Report(dry_run=dry_run)
        self.media = MediaLibrary(media_dir=media_dir, timeout=timeout, dry_run=dry_run)
        self.channel = parser.Channel()
        self._authors: dict[str, Author] = {}
        self._categories: dict[str, Category] = {}
        self._tags: dict[str, Tag] = {}
        self._counted: set[tuple[str, object]] = set()
        self.steps = installed_steps()

    # --- the run -------------------------------------------------------------

    def run(self) -> Report:
        self.channel = parser.scan(self.path)  # raises WXRError: nothing written
        self.media.old_hosts = {
            host
            for url in (
                self.channel.base_site_url,
                self.channel.base_blog_url,
                self.channel.link,
            )
            if (host := urlsplit(url).hostname)
        }
        # A dry run does everything in one transaction and rolls it back; a real
        # run commits each author, term and post on its own.
        outer = transaction.atomic() if self.dry_run else contextlib.nullcontext()
        with outer:
            for author in self.channel.authors.values():
                self._author(author)
            for term in self.channel.terms.values():
                self._term(term)
            total = self.channel.item_count
            for number, item in enumerate(parser.iter_items(self.path), start=1):
                self._item(item)
                if self.progress:
                    self.progress(number, total)
            if self.dry_run:
                transaction.set_rollback(True)
        self._report_media()
        self.report.source = (
            f"WXR {self.channel.wxr_version} of "
            f"{self.channel.base_blog_url or self.channel.link or 'an unnamed site'}, "
            f"{self.channel.item_count} items"
        )
        return self.report

    def _item(self, item: parser.Item) -> None:
        if item.post_type == "attachment":
            return  # imported when a post uses it (featured or inline image)
        if item.post_type == "page":
            self._page(item)
            return
        if item.post_type != "post":
            self.report.skipped(
                "other items", f"post type „{item.post_type}“ is not imported"
            )
            return
        if reason := SKIPPED_STATUSES.get(item.status):
            self.report.skipped("posts", reason, example=str(item.wp_id))
            return
        if item.status not in STATUS_MAP:
            self.report.skipped(
                "posts", f"unknown status „{item.status}“", example=str(item.wp_id)
            )
            return
        self._post(item)

    # --- authors -------------------------------------------------------------

    def _author(self, source: parser.Author) -> Author:
        if source.login in self._authors:
            return self._authors[source.login]
        with transaction.atomic():
            author = self._author_write(source)
        self._authors[source.login] = author
        return author

    def _author_write(self, source: parser.Author) -> Author:
        name = (
            source.display_name
            or f"{source.first_name} {source.last_name}".strip()
            or source.login
        )
        honorific, first_name, last_name = split_display_name(name)
        values = {
            "honorific": honorific[:40],
            "first_name": first_name[:100],
            "last_name": last_name[:100] or source.login[:100],
            "email": source.email if "@" in source.email else "",
        }
        author = self._lookup(WordPressObject.Kind.AUTHOR, source.wp_id, Author)
        if author is None:
            slug = unique_slug(
                f"{first_name} {last_name}".strip() or source.login,
                lambda slug: Author.objects.filter(slug=slug).exists(),
                max_length=120,
            )
            author = Author.objects.create(slug=slug, **values)
            self._count("authors", source.login, "created")
        elif self._assign(author, values):
            author.save()
            self._count("authors", source.login, "updated")
        else:
            self._count("authors", source.login, "unchanged")
        if self.create_users and author.user_id is None:
            self._inactive_user(author, source)
        if source.wp_id:
            self._remember(WordPressObject.Kind.AUTHOR, source.wp_id, author.pk)
        return author

    def _inactive_user(self, author: Author, source: parser.Author) -> None:
        """A new login that cannot be used until someone sets a password and
        activates it (``--create-users``), linked to the author profile.

        Never an account that exists here already: an export can name any
        login (``admin``), so a login of that name (in any case) is somebody
        else's until a person links them by hand (Admin → Autoren → Zugang).
        New logins are never staff. The report names every link made and
        every one refused."""
        User = get_user_model()
        username = source.login[:150]
        if User.objects.filter(username__iexact=username).exists():
            self.report.skipped(
                "users",
                "a login of that name exists here already: not linked (link the "
                "author profile by hand if it is the same person)",
                example=username,
            )
            return
        user = User(username=username, email=author.email, is_active=False)
        user.set_unusable_password()
        user.save()
        author.user = user
        author.save(update_fields=["user"])
        self.report.created("users")
        self.report.note(
            "author profile linked to a new inactive login", example=username
        )

    # --- categories and tags -------------------------------------------------

    def _term(self, term: parser.Term) -> Category | Tag:
        if term.taxonomy == "category":
            return self._category(term)
        return self._tag(term)

    def _category(self, term: parser.Term) -> Category:
        if term.slug in self._categories:
            return self._categories[term.slug]
        # Items name their terms by slug; the header (if any) knows the rest.
        term = self.channel.terms.get(("category", term.slug), term)
        with transaction.atomic():
            category = self._category_write(term)
        self._categories[term.slug] = category
        return category

    def _category_write(self, term: parser.Term) -> Category:
        slug = (clean_slug(term.slug) or german_slugify(term.name) or "rubrik")[:100]
        category = self._lookup(WordPressObject.Kind.CATEGORY, term.wp_id, Category)
        category = category or Category.objects.filter(slug=slug).first()
        # Exports of posts only (one author's) have no term header: an item
        # names its categories by slug and name only, without parent or
        # description, so such a term must not overwrite a category.
        described = ("category", term.slug) in self.channel.terms
        if category is None:
            category = Category.objects.create(
                slug=slug,
                name=self._category_name(term),
                description=term.description,
            )
            self._count("categories", term.slug, "created")
        elif described and self._assign(
            category,
            {
                "name": self._category_name(term, category),
                "description": term.description,
            },
        ):
            category.save()
            self._count("categories", term.slug, "updated")
        else:
            self._count("categories", term.slug, "unchanged")
        if term.wp_id:
            self._remember(WordPressObject.Kind.CATEGORY, term.wp_id, category.pk)
        return category

    def _category_name(self, term: parser.Term, own: Category | None = None) -> str:
        """Categories are flat here and their names unique: a nested WordPress
        category whose name is taken gets its parent's name added („News
        (Technik)“)."""
        taken = Category.objects.filter(name=term.name)
        if own is not None:
            taken = taken.exclude(pk=own.pk)
        if not taken.exists():
            return term.name[:100]
        parent = self.channel.terms.get(("category", term.parent_slug))
        qualifier = parent.name if parent else term.slug
        return f"{term.name} ({qualifier})"[:100]

    def _tag(self, term: parser.Term) -> Tag:
        if term.slug in self._tags:
            return self._tags[term.slug]
        term = self.channel.terms.get(("post_tag", term.slug), term)
        with transaction.atomic():
            slug = clean_slug(term.slug) or german_slugify(term.name) or "schlagwort"
            slug = slug[:100]
            tag = self._lookup(WordPressObject.Kind.TAG, term.wp_id, Tag)
            tag = (
                tag
                or Tag.objects.filter(slug=slug).first()
                or Tag.objects.filter(name=term.name).first()
            )
            if tag is None:
                tag = Tag.objects.create(name=term.name[:100], slug=slug)
                self._count("tags", term.slug, "created")
            elif not Tag.objects.filter(name=term.name).exclude(
                pk=tag.pk
            ).exists() and (self._assign(tag, {"name": term.name[:100]})):
                tag.save()
                self._count("tags", term.slug, "updated")
            else:
                self._count("tags", term.slug, "unchanged")
            if term.wp_id:
                self._remember(WordPressObject.Kind.TAG, term.wp_id, tag.pk)
        self._tags[term.slug] = tag
        return tag

    # --- pages -----------------------------------------------------------------

    def _page(self, item: parser.Item) -> None:
        """Only the legal pages have a home here (flat pages at fixed URLs): a
        WordPress page with one of their slugs fills it, unless editors have
        already replaced the placeholder text. Other pages are reported."""
        example = f"{item.wp_id} „{item.title}“"
        url = LEGAL_PAGES.get(clean_slug(item.name))
        if url is None:
            self.report.skipped(
                "pages",
                "no page model: only the legal notice and privacy page are imported",
                example=example,
            )
            return
        if item.status != "publish":
            self.report.skipped("pages", "not published", example=example)
            return
        fingerprint = self._fingerprint(item)
        record = WordPressObject.objects.filter(
            kind=WordPressObject.Kind.PAGE, wp_id=item.wp_id
        ).first()
        if record is not None and record.fingerprint == fingerprint:
            self.report.unchanged("pages")
            return
        page = FlatPage.objects.filter(url=url).first()
        if page is None:
            self.report.skipped("pages", f"no flat page at {url}", example=example)
            return
        if record is None and LEGAL_PLACEHOLDER not in page.content:
            self.report.skipped(
                "pages",
                "the legal page was already edited here: left as it is",
                example=example,
            )
            return
        body = convert_body(item.content, lambda url: None).body
        with transaction.atomic():
            page.title = item.title[:200] or page.title
            page.content = Article._meta.get_field("body").sanitize(body)
            page.save()
            self._remember(
                WordPressObject.Kind.PAGE, item.wp_id, page.pk, fingerprint=fingerprint
            )
        self.report.updated("pages")
        if old_path(item.link) not in {"", url}:
            self.report.note(
                f"old page address {old_path(item.link)} not redirected to {url}"
            )

    # --- posts ---------------------------------------------------------------

    def _post(self, item: parser.Item) -> None:
        fingerprint = self._fingerprint(item)
        record = WordPressObject.objects.filter(
            kind=WordPressObject.Kind.POST, wp_id=item.wp_id
        ).first()
        article = (
            Article.objects.filter(pk=record.object_id).first() if record else None
        )
        if article is not None and record.fingerprint == fingerprint:
            self.report.unchanged("posts")
            return
        try:
            # The search index of the post's article: refreshed once, at the end
            # of its transaction (not after its save, byline and tags each).
            with transaction.atomic(), search_index_deferred():
                context = PostContext(
                    importer=self,
                    item=item,
                    article=article or Article(),
                    created=article is None,
                )
                self._post_fields(context)
                context.article.save()
                for step in (
                    self._step_terms,
                    self._step_byline,
                    self._step_featured_image,
                    self._step_old_addresses,
                ):
                    step(context)
                for name in FEATURE_DATA:
                    self._feature_step(name, context)
                done = fingerprint if context.complete else ""
                if record is None:
                    WordPressObject.objects.create(
                        kind=WordPressObject.Kind.POST,
                        wp_id=item.wp_id,
                        object_id=context.article.pk,
                        fingerprint=done,
                    )
                else:
                    record.object_id, record.fingerprint = context.article.pk, done
                    record.save(update_fields=["object_id", "fingerprint"])
        except Exception as exc:  # one broken post must not stop the rest
            # Rows cached during the failed post may have been rolled back.
            self._authors.clear()
            self._categories.clear()
            self._tags.clear()
            self.report.skipped(
                "posts",
                "could not be imported",
                example=f"{item.wp_id} „{item.title[:40]}“: {exc}",
            )
            self.report.errors.append(f"post {item.wp_id} „{item.title}“: {exc}")
            return
        if context.created:
            self.report.created("posts")
        else:
            self.report.updated("posts")

    def _post_fields(self, context: PostContext) -> None:
        item, article = context.item, context.article

        def rewrite(url: str) -> str | None:
            if not self.media.is_old_upload(url):
                return None
            try:
                return default_storage.url(self.media.store(url))
            except MediaError:
                context.complete = False
                return None

        conversion = convert_body(item.content, rewrite)
        for name, count in conversion.shortcodes.items():
            for _ in range(count):
                self.report.note(f"shortcode [{name}] removed", example=str(item.wp_id))
        for note, count in conversion.notes.items():
            for _ in range(count):
                self.report.note(note, example=str(item.wp_id))
        article.title = (item.title or unquote(item.name) or f"WordPress {item.wp_id}")[
            :200
        ]
        # Sanitised here already (save() does it again) so that the lead is
        # taken from what readers will see, never from a <script>.
        body = self._inline_pictures(conversion.body, context)
        article.body = Article._meta.get_field("body").sanitize(body)
        article.lead = self._lead(item.excerpt, article.body) or article.title
        slug = clean_slug(item.name)
        if slug and slug != article.slug:
            article.slug = unique_slug(
                slug,
                lambda candidate: (
                    Article.objects.filter(slug=candidate)
                    .exclude(pk=article.pk)
                    .exists()
                ),
            )
        if not item.wp_id:
            raise ValueError("the item has no wp:post_id")
        article.status = STATUS_MAP[item.status]
        date = parse_date(item.date, item.date_gmt)
        if date is None and article.status == Article.Status.PUBLISHED:
            raise ValueError(f"„{item.date}“ is not a valid date")
        article.publish_at = (
            date if article.status == Article.Status.PUBLISHED else None
        )
        if item.status == "private":
            self.report.note("private post imported as draft", example=str(item.wp_id))
        if item.sticky:
            self.report.note(
                "sticky flag not kept: articles have no place for it",
                example=str(item.wp_id),
            )
        categories = [term for term in item.terms if term.taxonomy == "category"]
        if categories:
            article.category = self._category(categories[0])
            if len(categories) > 1:
                self.report.note(
                    "more than one category: the first is the article's category, "
                    "the others became tags",
                    example=str(item.wp_id),
                )
        else:
            slug, name = DEFAULT_CATEGORY
            article.category = self._category(
                parser.Term(taxonomy="category", slug=slug, name=name)
            )

    @staticmethod
    def _lead(excerpt: str, body: str) -> str:
        """The excerpt as plain text; without one, the body's first paragraph."""
        text = plain_text(excerpt).strip()
        if not text:
            first = re.search(r"<p\b[^>]*>(.*?)</p>", body, re.S)
            text = plain_text(first.group(1) if first else body).strip()
        text = " ".join(text.split())
        return Truncator(text).chars(600)

    def _step_terms(self, context: PostContext) -> None:
        categories = [t for t in context.item.terms if t.taxonomy == "category"]
        tags = [self._tag(t) for t in context.item.terms if t.taxonomy == "post_tag"]
        tags += [self._tag_for_category(term) for term in categories[1:]]
        if tags or not context.created:  # a new article has none to remove
            context.article.tags.set(tags)

    def _tag_for_category(self, term: parser.Term) -> Tag:
        term = self.channel.terms.get(("category", term.slug), term)
        return self._tag(
            parser.Term(taxonomy="post_tag", slug=term.slug, name=term.name)
        )

    def _step_byline(self, context: PostContext) -> None:
        login = context.item.creator
        if not login:
            return
        source = self.channel.authors.get(login) or parser.Author(wp_id=0, login=login)
        author = self._author(source)
        if context.created:
            Byline.objects.create(article=context.article, author=author, position=0)
        elif not Byline.objects.filter(article=context.article, author=author).exists():
            Byline.objects.filter(article=context.article).delete()
            Byline.objects.create(article=context.article, author=author, position=0)

    def _step_featured_image(self, context: PostContext) -> None:
        article = context.article
        thumbnail = parser._int(context.item.meta_value("_thumbnail_id"))
        if not thumbnail:
            return
        attachment = self.channel.attachments.get(thumbnail)
        if attachment is None:
            self.report.skipped(
                "featured images",
                "the attachment is not in the export (WordPress leaves attachments "
                "out of an export of posts only, such as one author's: export all "
                "content to keep them)",
                example=str(context.item.wp_id),
            )
            return
        try:
            picture = self._picture(attachment)
        except MediaError:
            context.complete = False
            return
        if article.picture_id != picture.pk:
            article.picture = picture
            article.save(update_fields=["picture"])

    def _picture(self, attachment: parser.Attachment, shown: str = "") -> Picture:
        """The library picture of a WordPress attachment: made once per
        attachment id, found again on every later use and run. Its file is
        the original, or else the copy a post's text showed (``shown``, its
        storage name)."""
        kind = WordPressObject.Kind.ATTACHMENT
        fingerprint = hashlib.sha256(repr(attachment).encode()).hexdigest()
        record = WordPressObject.objects.filter(
            kind=kind, wp_id=attachment.wp_id
        ).first()
        picture = record and Picture.objects.filter(pk=record.object_id).first()
        caption, credit = split_caption(attachment.caption)
        fields = {
            "alt_text": (attachment.alt or attachment.title or caption)[:250],
            "caption": caption[:300],
            "photographer": credit[:150],
        }
        if picture is None:
            name = self.media.store_or_copy(attachment.url, shown)  # or MediaError
            picture = picture_from_stored_file(name=name, **fields)
            self._counted.add((kind, attachment.wp_id))
            self.report.created("pictures")
        elif record.fingerprint != fingerprint:
            # Changed in WordPress since the last run: WordPress wins, as it
            # does for posts.
            self._assign(picture, fields)
            picture.save()
            self.report.updated("pictures")
        elif (kind, attachment.wp_id) not in self._counted:
            self._counted.add((kind, attachment.wp_id))
            self.report.unchanged("pictures")
        if record is None or record.fingerprint != fingerprint:
            self._remember(kind, attachment.wp_id, picture.pk, fingerprint)
        return picture

    def _inline_pictures(self, body: str, context: PostContext) -> str:
        """Images of the WordPress media library inside the text (``[caption]``
        shortcodes and Gutenberg image blocks, both figures by now, with the
        ``wp-image-N`` class) become picture references with their captions;
        the credit of a caption goes to the picture if it has none, and stays
        in the caption if it names someone else."""

        def replace(match) -> str:
            number = WP_IMAGE_CLASS.search(match.group("img"))
            attachment = number and self.channel.attachments.get(int(number.group(1)))
            if not attachment:
                return match.group(0)  # not from the media library: kept as it is
            source = IMG_SRC.search(match.group("img"))
            shown = html.unescape(source.group(1)) if source else ""
            try:
                picture = self._picture(
                    attachment, shown=shown.removeprefix(settings.MEDIA_URL)
                )
            except MediaError:
                # Reported with the media; the figure keeps its (old) address.
                return match.group(0)
            text = html.unescape(re.sub(r"<[^>]+>", "", match.group("caption") or ""))
            caption, credit = split_caption(text)
            if credit and not picture.photographer:
                picture.photographer = credit[:150]
                picture.save(update_fields=["photographer"])
            if credit and credit != picture.photographer:
                caption = text.strip()  # another credit than the picture's: kept
            caption = caption or picture.caption
            return (
                f'<figure data-picture="{picture.pk}">'
                f"<figcaption>{escape(caption)}</figcaption></figure>"
            )

        return INLINE_FIGURE.sub(replace, body)

    def _step_old_addresses(self, context: PostContext) -> None:
        item = context.item
        path = old_path(item.link)
        paths = {path} if path else set()
        current = unquote(item.name)
        segments = path.rstrip("/").split("/") if path else []
        if segments and segments[-1] == current:
            for old_slug in item.meta_values("_wp_old_slug"):
                segments[-1] = unquote(old_slug)
                paths.add("/".join(segments) + ("/" if path.endswith("/") else ""))
        paths = {legacy for legacy in paths if len(legacy) <= 500}
        if not paths:
            return
        known = dict(
            LegacyURL.objects.filter(path__in=paths).values_list("path", "article_id")
        )
        for legacy in sorted(paths - known.keys()):
            LegacyURL.objects.create(path=legacy, article=context.article)
            self.report.created("old addresses")
        for legacy, article_id in known.items():
            if article_id == context.article.pk:
                self.report.unchanged("old addresses")
            else:  # another post had this address before: the newer one wins
                LegacyURL.objects.filter(path=legacy).update(article=context.article)
                self.report.updated("old addresses")

    def _feature_step(self, name: str, context: PostContext) -> None:
        step = self.steps.get(name)
        if step is not None:
            step(context)
            return
        item = context.item
        reason = f"not imported yet: no import step of the {FEATURE_DATA[name]} app"
        if name == "views" and item.meta_value("views"):
            self.report.skipped("views", reason, example=str(item.wp_id))
        elif name == "ratings" and item.meta_value("ratings_users"):
            self.report.skipped("ratings", reason, example=str(item.wp_id))
        elif name == "comments":
            for _comment in item.comments:
                self.report.skipped("comments", reason)

    # --- helpers -------------------------------------------------------------

    def _report_media(self) -> None:
        for _name in self.media.stored:
            self.report.created("images")
        for _name in self.media.reused:
            self.report.unchanged("images")
        for relative, reason in self.media.failed.items():
            self.report.skipped("images", reason.partition(": ")[2] or reason, relative)

    def _fingerprint(self, item: parser.Item) -> str:
        """Changes when the post's XML changes, and when its featured image's
        attachment does (its alt text and caption live in another item), or
        appears in a later, fuller export."""
        digest = hashlib.sha256(IMPORTER_VERSION.encode() + b"\0" + item.source)
        thumbnail = parser._int(item.meta_value("_thumbnail_id"))
        if thumbnail:
            attachment = self.channel.attachments.get(thumbnail)
            digest.update(b"\0" + repr(attachment).encode())
        return digest.hexdigest()

    def _count(self, kind: str, key: object, outcome: str) -> None:
        """Count an author or term once, though it is looked up again after a
        failed post."""
        if (kind, key) not in self._counted:
            self._counted.add((kind, key))
            getattr(self.report, outcome)(kind)

    @staticmethod
    def _assign(instance, values: dict) -> bool:
        changed = False
        for field_name, value in values.items():
            if getattr(instance, field_name) != value:
                setattr(instance, field_name, value)
                changed = True
        return changed

    @staticmethod
    def _lookup(kind: str, wp_id: int | None, model):
        if not wp_id:
            return None
        record = WordPressObject.objects.filter(kind=kind, wp_id=wp_id).first()
        if record is None:
            return None
        return model.objects.filter(pk=record.object_id).first()

    @staticmethod
    def _remember(kind: str, wp_id: int, object_id: int, fingerprint: str = "") -> None:
        WordPressObject.objects.update_or_create(
            kind=kind,
            wp_id=wp_id,
            defaults={"object_id": object_id, "fingerprint": fingerprint},
        )
