"""„Vorschau“: the form's current, unsaved content in the real article
template, in a new tab, with a banner. The change form posts itself to this
endpoint (``formaction``, ``formtarget="_blank"``); the article is changed in
memory only, never saved. On the add page the same button previews an article
that does not exist yet: an unsaved instance with the typed text and the
chosen bylines, without the parts that need a stored article (rating,
comments, related articles, print links)."""

import re
import uuid

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.models import Article, Category
from authors.models import Author
from core.slugs import german_slugify

# The form fields the preview takes over as typed (text; the body sanitised).
TEXT_FIELDS = (
    "title",
    "lead",
    "meta_description",
    "image_caption",
)


def unsaved_copy(article: Article, data) -> Article:
    for name in TEXT_FIELDS:
        if isinstance(data.get(name), str):
            limit = Article._meta.get_field(name).max_length
            setattr(article, name, data[name][:limit] if limit else data[name])
    if isinstance(data.get("body"), str):
        article.body = Article._meta.get_field("body").sanitize(data["body"])
    raw = data.get("category", "")
    if isinstance(raw, str) and raw.isdigit() and len(raw) < 19:
        article.category = Category.objects.filter(pk=int(raw)).first() or (
            article.category
        )
    # Fragments of the page are cached per version: a fresh one for the preview.
    article.updated_at = timezone.now()
    return article


BYLINE_AUTHOR = re.compile(r"^bylines-(\d{1,3})-author$")


def new_article_copy(data, user) -> Article:
    """An unsaved article with what the add form holds: its text, category
    and bylines (the person's own profile when none is chosen)."""
    article = unsaved_copy(Article(status=Article.Status.DRAFT, created_by=user), data)
    raw_slug = data.get("slug", "")
    article.slug = german_slugify(raw_slug if isinstance(raw_slug, str) else "")
    article.slug = article.slug or german_slugify(article.title) or "vorschau"
    if article.category_id is None:
        # The page names the category everywhere; a placeholder until one is chosen.
        article.category = Category(name=_("No category yet"), slug="ohne-rubrik")
    chosen = {}
    for key in data:
        match = BYLINE_AUTHOR.match(key)
        value = data.get(key, "")
        deleted = data.get(f"bylines-{match.group(1)}-DELETE") if match else None
        if match and value.isdigit() and len(value) < 19 and not deleted:
            chosen.setdefault(int(value), int(match.group(1)))
    authors = Author.objects.filter(pk__in=chosen).select_related("portrait")
    ordered = sorted(authors, key=lambda author: chosen[author.pk])
    own = getattr(user, "author_profile", None)
    # byline_authors and tag_list read relations an unsaved article cannot have.
    article.__dict__["_byline_authors"] = ordered or ([own] if own else [])
    article.__dict__["tag_list"] = []
    return article


def preview_response(request, article: Article, **context):
    response = render(
        request,
        "articles/article_detail.html",
        {"article": article, "is_preview": True, "unsaved_preview": True, **context},
    )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


class PreviewAdminMixin:
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view(require_POST(self.preview_view))
        new = self.admin_site.admin_view(require_POST(self.preview_new_view))
        return [
            path("add/preview/", new, name=f"{name}_preview_new"),
            path("<path:object_id>/preview/", view, name=f"{name}_preview"),
            *super().get_urls(),
        ]

    def preview_new_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        article = new_article_copy(request.POST, request.user)
        # The page's cached fragments are keyed on the article's id, which a
        # new article lacks: a key of its own for each preview.
        return preview_response(
            request,
            article,
            reader_parts_hidden=True,
            new_preview_key=uuid.uuid4().hex,
        )

    def preview_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return preview_response(request, unsaved_copy(article, request.POST))

    def add_view(self, request, form_url="", extra_context=None):
        context = dict(extra_context or {})
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview_new"
        context["preview_url"] = reverse(name)
        return super().add_view(request, form_url, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview"
        context["preview_url"] = reverse(name, args=[unquote(object_id)])
        return super().change_view(request, object_id, form_url, context)
