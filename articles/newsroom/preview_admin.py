"""„Vorschau“: the form's current, unsaved content in the real article
template, in a new tab, with a banner. The change form posts itself to this
endpoint (``formaction``, ``formtarget="_blank"``); the article is changed in
memory only, never saved."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from articles.models import Article, Category

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


class PreviewAdminMixin:
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view(require_POST(self.preview_view))
        return [
            path("<path:object_id>/preview/", view, name=f"{name}_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        article = unsaved_copy(article, request.POST)
        response = render(
            request,
            "articles/article_detail.html",
            {"article": article, "is_preview": True, "unsaved_preview": True},
        )
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview"
        context["preview_url"] = reverse(name, args=[unquote(object_id)])
        return super().change_view(request, object_id, form_url, context)
