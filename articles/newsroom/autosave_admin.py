"""The article admin's part of autosave (``articles.newsroom.autosave``):
its endpoints, the restore/discard prompt and the clean-up after a save."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse

from articles.newsroom.autosave import (
    RESTORE_PARAMETER,
    autosave_discard,
    autosave_response,
    pending_autosave,
    saved_label,
)
from articles.newsroom.checklist import CHECKS, picture_missing
from articles.newsroom.endpoints import ArticleEndpointsMixin


class AutosaveAdminMixin(ArticleEndpointsMixin):
    def get_urls(self):
        return [
            self.endpoint_path("add/autosave/", self.autosave_new_view, "autosave_new"),
            self.endpoint_path(
                "add/autosave/discard/", self.discard_new_view, "autosave_discard_new"
            ),
            self.endpoint_path(
                "<path:object_id>/autosave/", self.autosave_view, "autosave"
            ),
            self.endpoint_path(
                "<path:object_id>/autosave/discard/",
                self.discard_view,
                "autosave_discard",
            ),
            *super().get_urls(),
        ]

    def autosave_view(self, request, object_id):
        return autosave_response(request, self._editable_article(request, object_id))

    def autosave_new_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return autosave_response(request, None)

    def discard_view(self, request, object_id):
        article = self._editable_article(request, object_id)
        autosave_discard(user=request.user, article=article)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return HttpResponseRedirect(reverse(name, args=[article.pk]))

    def discard_new_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        autosave_discard(user=request.user, article=None)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_add"
        return HttpResponseRedirect(reverse(name))

    def _autosave_context(self, request, article) -> dict:
        if request.method != "GET":
            return {}
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        if article is None:
            urls = (
                reverse(f"{name}_autosave_new"),
                reverse(f"{name}_autosave_discard_new"),
            )
        else:
            urls = (
                reverse(f"{name}_autosave", args=[article.pk]),
                reverse(f"{name}_autosave_discard", args=[article.pk]),
            )
        autosave = pending_autosave(request.user, article)
        return {
            "autosave_url": urls[0],
            "autosave_discard_url": urls[1],
            "autosave_pending": autosave,
            "autosave_label": saved_label(autosave) if autosave else "",
            "autosave_restored": autosave is not None
            and request.GET.get(RESTORE_PARAMETER) == "restore",
            "autosave_parameter": RESTORE_PARAMETER,
        }

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {"publish_checks": list(CHECKS.items()), **(extra_context or {})}
        article = self.get_object(request, unquote(object_id))
        if article is not None:
            # What the stored library picture lacks (the script cannot know).
            context["picture_checks_failed"] = picture_missing(article)
            if request.method == "GET":
                context.update(self._autosave_context(request, article))
        return super().change_view(request, object_id, form_url, context)

    def add_view(self, request, form_url="", extra_context=None):
        context = {
            "publish_checks": list(CHECKS.items()),
            **(extra_context or {}),
            **self._autosave_context(request, None),
        }
        return super().add_view(request, form_url, context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if request.method == "GET" and request.GET.get(RESTORE_PARAMETER) == "restore":
            autosave = pending_autosave(request.user, obj)
            if autosave is not None:
                # Initial values only: nothing is stored until the person saves.
                form = type(
                    form.__name__, (form,), {"autosave_initial": autosave.fields}
                )
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        autosave_discard(user=request.user, article=obj)
        if not change:
            autosave_discard(user=request.user, article=None)
