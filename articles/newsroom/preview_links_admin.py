"""The article admin's part of shareable preview links
(``articles.newsroom.preview_links``): creating and revoking them from the
writing screen, and the panel that lists the active ones.

The panel's buttons belong to small forms outside the article's form (the
``form`` attribute), so they never submit the article; static/js/
preview-links.js sends them in place and swaps the panel, without it the
page comes back with a message."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.newsroom.endpoints import ArticleEndpointsMixin
from articles.newsroom.preview_links import (
    PreviewLinkRefused,
    active_links,
    days_clean,
    may_share,
    preview_link_create,
    preview_link_revoke,
)


class PreviewLinksAdminMixin(ArticleEndpointsMixin):
    def get_urls(self):
        return [
            self.endpoint_path(
                "<path:object_id>/preview-links/",
                self.preview_link_create_view,
                "preview_link_create",
            ),
            self.endpoint_path(
                "<path:object_id>/preview-links/revoke/",
                self.preview_link_revoke_view,
                "preview_link_revoke",
            ),
            *super().get_urls(),
        ]

    def preview_link_create_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        try:
            preview_link_create(
                article=article,
                user=request.user,
                days=days_clean(request.POST.get("days")),
            )
        except PreviewLinkRefused:
            return self._links_answer(
                request,
                article,
                _("A published article has its public address; no preview link."),
                status=400,
            )
        return self._links_answer(request, article, _("Preview link created."))

    def preview_link_revoke_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        raw = request.POST.get("link", "")
        revoked = (
            raw.isdigit()
            and len(raw) < 19
            and preview_link_revoke(article=article, link_id=int(raw))
        )
        if not revoked:
            return self._links_answer(
                request, article, _("No such active preview link."), status=404
            )
        return self._links_answer(request, article, _("Preview link revoked."))

    def _links_answer(self, request, article, message: str, status: int = 200):
        if request.headers.get("Accept") == "application/json":
            return JsonResponse(
                {
                    "message": message,
                    "html": self._links_panel(request, article),
                },
                status=status,
            )
        self.message_user(
            request, message, messages.SUCCESS if status == 200 else messages.ERROR
        )
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return HttpResponseRedirect(reverse(name, args=[article.pk]))

    def _links_panel(self, request, article) -> str:
        return render_to_string(
            "admin/articles/article/_preview_links.html",
            self._links_context(request, article),
            request=request,
        )

    def _links_context(self, request, article) -> dict:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        return {
            "article": article,
            "may_share": may_share(article),
            "preview_links": active_links(article),
            "default_days": settings.PREVIEW_LINK_DAYS,
            "max_days": settings.PREVIEW_LINK_MAX_DAYS,
            "create_url": reverse(f"{name}_preview_link_create", args=[article.pk]),
            "revoke_url": reverse(f"{name}_preview_link_revoke", args=[article.pk]),
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        article = self.get_object(request, unquote(object_id))
        if article is not None and self.has_change_permission(request, article):
            context["preview_links_panel"] = self._links_context(request, article)
        return super().change_view(request, object_id, form_url, context)
