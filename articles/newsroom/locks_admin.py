"""The article admin's part of "who else is editing" (``articles.newsroom.locks``):
the heartbeat and take-over endpoints and the notice on the change page."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.newsroom.locks import (
    current_editor,
    editing_message,
    heartbeat_seconds,
    lock_heartbeat,
    lock_take_over,
)


def may_take_over(user) -> bool:
    return user.has_perm("articles.publish_article")


class EditLockAdminMixin:
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"

        def post_only(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<path:object_id>/heartbeat/",
                post_only(self.heartbeat_view),
                name=f"{name}_heartbeat",
            ),
            path(
                "<path:object_id>/take-over/",
                post_only(self.take_over_view),
                name=f"{name}_take_over",
            ),
            *super().get_urls(),
        ]

    def _article_to_edit(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def heartbeat_view(self, request, object_id):
        article = self._article_to_edit(request, object_id)
        state = lock_heartbeat(
            article=article,
            user=request.user,
            had_lock=request.POST.get("had_lock") == "1",
        )
        return JsonResponse(state.as_json())

    def take_over_view(self, request, object_id):
        article = self._article_to_edit(request, object_id)
        if not may_take_over(request.user):
            raise PermissionDenied
        lock_take_over(article=article, user=request.user)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return HttpResponseRedirect(reverse(name, args=[article.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        if request.method == "GET":
            article = self.get_object(request, unquote(object_id))
            if article is not None:
                lock = current_editor(article, request.user)
                name = f"admin:{self.opts.app_label}_{self.opts.model_name}"
                context.update(
                    {
                        "heartbeat_url": reverse(
                            f"{name}_heartbeat", args=[article.pk]
                        ),
                        "heartbeat_seconds": heartbeat_seconds(),
                        "edit_lock_message": editing_message(lock) if lock else "",
                        "take_over_url": reverse(f"{name}_take_over", args=[article.pk])
                        if may_take_over(request.user)
                        else "",
                    }
                )
        return super().change_view(request, object_id, form_url, context)
