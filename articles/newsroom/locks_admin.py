"""The article admin's part of "who else is editing" (``articles.newsroom.locks``):
the heartbeat and take-over endpoints and the notice on the change page."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse

from articles.newsroom.endpoints import ArticleEndpointsMixin
from articles.newsroom.locks import (
    current_editor,
    editing_message,
    heartbeat_seconds,
    lock_heartbeat,
    lock_take_over,
)


def may_take_over(user) -> bool:
    return user.has_perm("articles.publish_article")


class EditLockAdminMixin(ArticleEndpointsMixin):
    def get_urls(self):
        return [
            self.endpoint_path(
                "<path:object_id>/heartbeat/", self.heartbeat_view, "heartbeat"
            ),
            self.endpoint_path(
                "<path:object_id>/take-over/", self.take_over_view, "take_over"
            ),
            *super().get_urls(),
        ]

    def heartbeat_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        state = lock_heartbeat(
            article=article,
            user=request.user,
            had_lock=request.POST.get("had_lock") == "1",
        )
        return JsonResponse(state.as_json())

    def take_over_view(self, request, object_id):
        article = self._editable_article(request, object_id)
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
