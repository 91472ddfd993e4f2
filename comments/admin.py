"""The moderators' admin: a queue that opens on "awaiting moderation"."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import (
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from comments import queue, services
from comments.models import ArticleComment, ArticleCommentSettings, BlockedWord
from core.admin import SafeDateHierarchyMixin

STATUS_LABELS = {
    "held": _("Awaiting moderation"),
    "approved": _("Approved"),
    "rejected": _("Rejected"),
    "spam": _("Spam"),
}


class StatusFilter(admin.SimpleListFilter):
    """Moderation status; without a choice the queue shows held comments."""

    title = _("status")
    parameter_name = "status"
    default = "held"

    def lookups(self, request, model_admin):
        return [*STATUS_LABELS.items(), ("all", _("All"))]

    def value(self):
        return super().value() or self.default

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset
        if value in STATUS_LABELS:
            return getattr(queryset, value)()
        return queryset


@admin.register(ArticleComment)
class ArticleCommentAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    list_display = [
        "submit_date",
        "article",
        "author",
        "excerpt",
        "status_label",
        "reason_list",
    ]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, "submit_date"]
    list_select_related = ["user", "content_type"]
    search_fields = ["user_name", "user_email", "comment"]
    date_hierarchy = "submit_date"
    ordering = ["-submit_date"]
    actions = ["approve", "reject", "mark_spam"]
    fields = [
        "article",
        "user_name",
        "user_email",
        "user_url",
        "comment",
        "submit_date",
        "ip_address",
        "followup",
        "status_label",
        "reason_list",
        "level",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        # content_object prefetched: one query for all articles of the page.
        return super().get_queryset(request).prefetch_related("content_object")

    def has_add_permission(self, request):
        return False  # comments come from visitors

    def get_urls(self):
        moderate = self.admin_site.admin_view(require_POST(self.moderate_view))
        return [
            path(
                "queue/",
                self.admin_site.admin_view(self.queue_view),
                name="comments_articlecomment_queue",
            ),
            path(
                "queue/bulk/",
                self.admin_site.admin_view(require_POST(self.queue_bulk_view)),
                name="comments_articlecomment_queue_bulk",
            ),
            path(
                "<int:pk>/moderate/",
                moderate,
                name="comments_articlecomment_moderate",
            ),
            *super().get_urls(),
        ]

    MODERATE = {
        "approve": (services.comments_approve, _("Comment approved.")),
        "reject": (services.comments_reject, _("Comment rejected.")),
        "spam": (services.comments_mark_spam, _("Comment marked as spam.")),
    }

    def moderate_view(self, request, pk: int):
        """Approve, reject or mark one comment as spam (the dashboard's
        buttons): JSON for the page's script, a redirect back otherwise."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        action = self.MODERATE.get(request.POST.get("action", ""))
        if action is None:
            return HttpResponseBadRequest(_("Unknown moderation action."))
        comment = get_object_or_404(ArticleComment.objects.for_articles(), pk=pk)
        service, message = action
        service(comments=[comment])
        if request.headers.get("Accept") == "application/json":
            held = ArticleComment.objects.for_articles().held().count()
            return JsonResponse({"message": str(message), "held": held})
        self.message_user(request, message, messages.SUCCESS)
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}
        ):
            target = reverse("admin:index")
        return HttpResponseRedirect(target)

    def queue_view(self, request):
        """The pending comments, oldest first: approve, reject or mark as spam
        per row (keys a/r/s, j/k to move; static/js/moderation-queue.js) or
        the ticked ones at once."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        held_count, comments = queue.queue_page()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Comments waiting"),
            "held_count": held_count,
            "comments": comments,
            "queue_url": reverse("admin:comments_articlecomment_queue"),
        }
        return TemplateResponse(
            request, "admin/comments/articlecomment/queue.html", context
        )

    def queue_bulk_view(self, request):
        """The ticked comments of the queue, at once; back to the queue."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        action = self.MODERATE.get(request.POST.get("action", ""))
        raw = request.POST.getlist("pk")
        if action is None or len(raw) > 2 * queue.QUEUE_SIZE:
            return HttpResponseBadRequest(_("Unknown moderation action."))
        pks = [int(value) for value in raw if value.isdigit() and len(value) < 19]
        comments = list(ArticleComment.objects.for_articles().filter(pk__in=pks))
        if not comments:
            self.message_user(request, _("No comments selected."), messages.WARNING)
        else:
            service, _message = action
            count = service(comments=comments)
            self.message_user(
                request,
                ngettext("%d comment moderated.", "%d comments moderated.", count)
                % count,
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:comments_articlecomment_queue"))

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop(
            "delete_selected", None
        )  # moderators reject; GDPR erasure is a command
        return actions

    @admin.display(description=_("Article"))
    def article(self, obj: ArticleComment) -> str:
        return str(obj.content_object or "–")

    @admin.display(description=_("Author"), ordering="user_name")
    def author(self, obj: ArticleComment) -> str:
        return f"{obj.user_name} <{obj.user_email}>"

    @admin.display(description=_("Comment"))
    def excerpt(self, obj: ArticleComment) -> str:
        return Truncator(obj.comment).chars(80)

    @admin.display(description=_("Status"))
    def status_label(self, obj: ArticleComment) -> str:
        return STATUS_LABELS[obj.status]

    @admin.display(description=_("Spam rules"))
    def reason_list(self, obj: ArticleComment) -> str:
        return ", ".join(obj.reason_labels) or "–"

    def _done(self, request, message: str) -> None:
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        count = services.comments_approve(comments=queryset)
        self._done(
            request,
            ngettext("%d comment approved.", "%d comments approved.", count) % count,
        )

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        count = services.comments_reject(comments=queryset)
        self._done(
            request,
            ngettext("%d comment rejected.", "%d comments rejected.", count) % count,
        )

    @admin.action(
        description=_("Mark selected comments as spam"), permissions=["change"]
    )
    def mark_spam(self, request, queryset):
        count = services.comments_mark_spam(comments=queryset)
        self._done(
            request,
            ngettext("%d comment marked as spam.", "%d comments marked as spam.", count)
            % count,
        )


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["word", "created_at"]
    search_fields = ["word"]


@admin.register(ArticleCommentSettings)
class ArticleCommentSettingsAdmin(admin.ModelAdmin):
    """Switch comments off per article. A page of its own rather than an inline
    in the article form, so the article admin (and its forms) stays unaware of
    the comments app."""

    list_display = ["article", "comments_enabled"]
    list_filter = ["comments_enabled"]
    list_editable = ["comments_enabled"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    search_fields = ["article__title"]
