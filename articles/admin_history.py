"""The article admin's revisions and pending changes, as a mixin for
``ArticleAdmin``: the note at save time ("Änderungsnotiz"), the history page at
the admin's usual history address, comparing two revisions, restoring one into
the form, and pending changes of live articles (saved aside, approved or sent
back by an editor).
"""

import itertools

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import action, display
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags

from articles import workflow
from articles.models import Article, Byline, ReviewNote
from articles.revision_diff import snapshot_compare
from articles.revisions import (
    ArticleRevision,
    article_snapshot,
    current_revision_context,
    revision_context,
    snapshot_queryset,
)

HISTORY_PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # larger numbers overflow the database's integers
# Form fields the mixin adds; they are not model fields.
EXTRA_FIELDS = ("revision_note", "save_as_pending", "restored_from")


class PendingDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Send back"))]
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when sending the changes back."),
    )
    apply_at = forms.SplitDateTimeField(
        label=_("Goes live at"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_(
            "Empty: at once. A future time schedules the update; until then "
            "readers see the live version."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("note", "").strip():
            self.add_error("note", gettext("Tell the author what to change."))
        return cleaned


def _form_with_revision_fields(form_class, *, offer_pending: bool):
    attrs = {
        "revision_note": forms.CharField(
            label=_("Change note"),
            required=False,
            max_length=300,
            help_text=_(
                "Optional: what you changed and why. Shown in the article’s history."
            ),
        ),
        "restored_from": forms.IntegerField(
            required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
        ),
    }

    def clean(self):
        return _needs_reason_to_unpublish(self, form_class.clean(self))

    attrs["clean"] = clean
    if offer_pending:
        attrs["save_as_pending"] = forms.BooleanField(
            label=_("Save as pending change"),
            required=False,
            help_text=_(
                "The live article stays as it is until the change is approved."
            ),
        )
    return type(form_class.__name__, (form_class,), attrs)


def _needs_reason_to_unpublish(form, cleaned: dict) -> dict:
    was_published = form.initial.get("status") == Article.Status.PUBLISHED
    status = cleaned.get("status", form.initial.get("status"))
    if (
        was_published
        and status != Article.Status.PUBLISHED
        and not (cleaned.get("revision_note") or "").strip()
    ):
        form.add_error(
            "revision_note", gettext("Give the reason for unpublishing as a note.")
        )
    return cleaned


class ReviewStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publication time"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_("Empty: at once. A future time schedules the article."),
    )

    def __init__(self, *args, steps: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.steps = steps
        self.fields["step"].choices = [(n, s.label) for n, s in steps.items()]

    def clean(self):
        cleaned = super().clean()
        step = self.steps.get(cleaned.get("step"))
        if step is not None and step.needs_note and not cleaned.get("note", "").strip():
            self.add_error("note", gettext("This step needs a note."))
        return cleaned


def _initial_from_snapshot(article: Article, data: dict) -> dict:
    """Form values from a snapshot; status and publication time stay the
    article's own (loading a revision never publishes or unpublishes)."""
    initial = {name: data.get(name, "") for name in ("title", "slug", "lead", "body")}
    initial.update(
        {name: data.get(name, "") for name in ("image_caption", "meta_description")}
    )
    category = (data.get("category") or {}).get("id")
    if category:
        initial["category"] = category
    initial["tags"] = edit_string_for_tags(
        [type("T", (), {"name": name})() for name in data.get("tags", [])]
    )
    initial["picture"] = data.get("picture_id")
    return initial


class RevisionAdminMixin:
    """For ``ArticleAdmin``; needs ``Byline`` inlines to be named "bylines"."""

    history_template = "admin/articles/article/revisions/history.html"
    compare_template = "admin/articles/article/revisions/compare.html"
    pending_template = "admin/articles/article/revisions/pending.html"
    review_template = "admin/articles/article/revisions/review.html"

    # Who saves, and the note ------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with revision_context(user=request.user):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        with revision_context(user=request.user):
            return super().changelist_view(request, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        fields = ["revision_note", "restored_from"]
        if self._offers_pending(request, obj):
            fields.append("save_as_pending")
        fieldsets.append((_("Change note"), {"fields": fields}))
        # The writing screen puts the first fieldset (title, lead, body) in the
        # main column: the panels go first in the sidebar, right after it.
        if obj is not None:
            fieldsets.insert(1, (_("Review"), {"fields": ["review_panel"]}))
        if obj is not None and _pending(obj) is not None:
            fieldsets.insert(
                1, (_("Pending changes"), {"fields": ["pending_changes_panel"]})
            )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "pending_changes_panel", "review_panel"]

    def _offers_pending(self, request, obj) -> bool:
        return (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and workflow.can_publish(request.user)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The admin passes the fields of the fieldsets; the extra ones are
        # declared on the form below, not made from the model.
        fields = kwargs.get("fields", ())
        if fields is not None:
            if "fields" not in kwargs:
                fields = flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = [name for name in fields if name not in EXTRA_FIELDS]
        form = _form_with_revision_fields(
            super().get_form(request, obj, change, **kwargs),
            offer_pending=self._offers_pending(request, obj),
        )
        if (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and "status" in form.base_fields
            and not workflow.can_publish(request.user)
        ):
            # Journalists see the status of a published article but cannot
            # change it (``ArticleAdmin.get_form`` disables the field); the
            # field must still accept that status, or no save of a published
            # article validates (#21, item 19).
            form.base_fields["status"].choices = Article.Status.choices
        elif "status" in form.base_fields and not workflow.can_publish(request.user):
            # Only editors request changes; an article sent back keeps its status.
            keep = {Article.Status.DRAFT, Article.Status.REVIEW}
            if obj is not None:
                keep.add(obj.status)
            form.base_fields["status"].choices = [
                choice for choice in Article.Status.choices if choice[0] in keep
            ]
        return form

    def save_model(self, request, obj, form, change):
        cleaned = form.cleaned_data
        restored = None
        if cleaned.get("restored_from"):
            restored = ArticleRevision.objects.filter(
                pk=cleaned["restored_from"], article_id=obj.pk
            ).first()
        note = cleaned.get("revision_note", "")
        if not note and restored is not None:
            note = gettext("Restored the version of %(time)s") % {
                "time": local_time(restored.created_at)
            }
        request._revision_note = note
        context = current_revision_context()
        if context is not None:
            context.note = note
        if change and workflow.saves_as_pending(
            user=request.user,
            status_before=form.initial.get("status"),
            requested=cleaned.get("save_as_pending", False),
        ):
            # Save as usual inside a savepoint, read the result, roll it back
            # (see save_related): the live article stays untouched, and the
            # form and its inlines keep their own validation and saving.
            request._pending_savepoint = transaction.savepoint()
            super().save_model(request, obj, form, change)
            return
        super().save_model(request, obj, form, change)
        before = form.initial.get("status")
        if change and before != obj.status:
            workflow.status_changed(
                article=obj, before=before, user=request.user, note=note
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        savepoint = request.__dict__.pop("_pending_savepoint", None)
        if savepoint is None:
            return
        data = article_snapshot(snapshot_queryset().get(pk=form.instance.pk))
        transaction.savepoint_rollback(savepoint)
        request._pending_change = workflow.pending_change_save(
            article=Article.objects.get(pk=form.instance.pk),
            data=data,
            user=request.user,
            note=getattr(request, "_revision_note", ""),
        )

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if getattr(request, "_pending_change", None) is not None and (
            level == messages.SUCCESS
        ):
            return  # not "changed successfully": the live article was not changed
        super().message_user(request, message, level, *args, **kwargs)

    def response_change(self, request, obj):
        if getattr(request, "_pending_change", None) is not None:
            self.message_user(
                request,
                gettext(
                    "Your changes were saved as pending changes. The live article "
                    "stays as it is until an editor approves them."
                ),
                messages.WARNING,
            )
        return super().response_change(request, obj)

    # Approving from the list ------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if workflow.can_publish(request.user):
            actions["approve_changes"] = self.get_action("approve_changes")
        # Unpublishing needs a reason: one article at a time, on its review page.
        actions.pop("unpublish", None)
        return actions

    @action(description=_("Approve pending changes of selected articles"))
    def approve_changes(self, request, queryset):
        if not workflow.can_publish(request.user):
            raise PermissionDenied
        pending = ArticleRevision.objects.filter(
            article__in=queryset, state=ArticleRevision.State.PENDING
        ).select_related("created_by")
        count = sum(
            workflow.pending_change_approve(revision=revision, user=request.user)
            for revision in pending
        )
        self.message_user(
            request,
            ngettext(
                "Pending changes of %d article approved.",
                "Pending changes of %d articles approved.",
                count,
            )
            % count,
            messages.SUCCESS,
        )

    # Loading a revision into the form ---------------------------------------

    def _revision_to_load(self, request, obj) -> ArticleRevision | None:
        if request.method != "GET":
            return None
        if "restore" in request.GET:
            wanted = small_id(request.GET["restore"])
            if wanted is None:
                return None
            return ArticleRevision.objects.filter(pk=wanted, article=obj).first()
        if not workflow.can_publish(request.user):
            # A journalist goes on from their pending changes, not the live text.
            return _pending(obj)
        return None

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        revision = self._revision_to_load(request, obj) if obj is not None else None
        if revision is not None:
            self._load_revision(request, context, obj, revision)
        context["article_history_url"] = (
            reverse("admin:articles_article_history", args=[obj.pk]) if obj else ""
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _load_revision(self, request, context, obj, revision) -> None:
        form = context["adminform"].form
        for name, value in _initial_from_snapshot(obj, revision.data).items():
            if name in form.fields and not form.fields[name].disabled:
                form.initial[name] = value
        form.initial["restored_from"] = revision.pk
        missing = self._load_bylines(context, revision.data.get("bylines", []))
        if revision.is_pending:
            text = gettext("The form shows your pending changes, not the live article.")
        else:
            text = gettext(
                "The form shows the version of %(time)s. Nothing is changed until "
                "you save; saving never publishes."
            ) % {"time": local_time(revision.created_at)}
        messages.info(request, text)
        if missing:
            messages.warning(
                request,
                gettext("Add these authors again by hand: %(names)s")
                % {"names": ", ".join(missing)},
            )

    def _load_bylines(self, context, bylines: list[dict]) -> list[str]:
        """Set the byline inline to ``bylines``: existing rows get their
        position or are marked for deletion; new authors fill the empty rows.
        Returns the names that did not fit."""
        formset = next(
            (
                inline.formset
                for inline in context.get("inline_admin_formsets", [])
                if inline.formset.model is Byline
            ),
            None,
        )
        if formset is None:
            return []
        wanted = {entry["id"]: position for position, entry in enumerate(bylines)}
        names = {entry["id"]: entry.get("name", "") for entry in bylines}
        present = set()
        extra_forms = []
        for form in formset.forms:
            byline = form.instance
            if byline.pk is None:
                extra_forms.append(form)
            elif byline.author_id in wanted:
                form.initial["position"] = wanted[byline.author_id]
                present.add(byline.author_id)
            else:
                form.initial["DELETE"] = True
        missing = [author for author in wanted if author not in present]
        for form, author in zip(extra_forms, missing, strict=False):
            form.initial.update({"author": author, "position": wanted[author]})
        return [names[author] for author in missing[len(extra_forms) :]]

    # Pending changes on the change page ---------------------------------------

    @display(description=_("Pending changes"))
    def pending_changes_panel(self, obj):
        revision = _pending(obj) if obj and obj.pk else None
        if revision is None:
            return "–"
        who = revision.created_by
        return format_html(
            '<p class="pending-changes">{} <a class="button" href="{}">{}</a></p>',
            gettext("By %(name)s, %(time)s.")
            % {
                "name": (who.get_full_name() or who.get_username()) if who else "–",
                "time": local_time(revision.created_at),
            },
            reverse("admin:articles_article_pending", args=[obj.pk]),
            gettext("Show changes and decide"),
        )

    @display(description=_("Review"))
    def review_panel(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        latest = workflow.review_thread(obj).exclude(text="").first()
        link = format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:articles_article_review", args=[obj.pk]),
            gettext("Notes and next step"),
        )
        if latest is None:
            return link
        who = latest.author
        return format_html(
            '<p class="latest-note"><strong>{}</strong> ({}): {}</p>{}',
            (who.get_full_name() or who.get_username()) if who else "–",
            local_time(latest.created_at),
            latest.text,
            link,
        )

    # Pages --------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.revision_compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/pending/",
                view(self.pending_changes_view),
                name="articles_article_pending",
            ),
            path(
                "<path:object_id>/review/",
                view(self.review_view),
                name="articles_article_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        steps = workflow.steps_open_to(user=request.user, article=obj)
        form = ReviewStepForm(request.POST or None, steps=steps)
        if request.method == "POST":
            if request.POST.get("step") not in steps:
                # A step skipped or not for this role: refused, nothing changes.
                raise PermissionDenied
            if form.is_valid():
                try:
                    with revision_context(user=request.user):
                        workflow.article_transition(
                            article=obj,
                            step=form.cleaned_data["step"],
                            user=request.user,
                            note=form.cleaned_data["note"],
                            at=form.cleaned_data.get("publish_at"),
                        )
                except workflow.TransitionRefused:
                    raise PermissionDenied from None
                messages.success(request, gettext("Done."))
                return HttpResponseRedirect(
                    reverse("admin:articles_article_review", args=[obj.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Review: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "form": form,
            "thread": workflow.review_thread(obj)[:100],
            "step_labels": workflow.STEP_LABELS,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, self.review_template, context)

    def _article_or_404(self, request, object_id) -> Article:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._article_or_404(request, object_id)
        page = _page_number(request)
        start = (page - 1) * HISTORY_PAGE_SIZE
        revisions = list(
            ArticleRevision.objects.filter(article=obj)
            .exclude(state=ArticleRevision.State.WITHDRAWN)
            .select_related("created_by")
            .defer("data")[start : start + HISTORY_PAGE_SIZE + 1]
        )
        rows = []
        saved = [r for r in revisions if r.state != ArticleRevision.State.PENDING]
        older = {}
        for newer, previous in itertools.pairwise(saved):
            older[newer.pk] = previous
        for revision in revisions[:HISTORY_PAGE_SIZE]:
            previous = older.get(revision.pk)
            rows.append(
                {
                    "revision": revision,
                    "previous": previous,
                    "words": revision.word_count - previous.word_count
                    if previous
                    else None,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "rows": rows,
            "page": page,
            "has_next": len(revisions) > HISTORY_PAGE_SIZE,
            "can_change": self.has_change_permission(request, obj),
            "notes": ReviewNote.objects.filter(article=obj).select_related("author")[
                :20
            ],
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.history_template, context)

    def revision_compare_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        ids = [small_id(request.GET.get("from")), small_id(request.GET.get("to"))]
        if None in ids:
            raise Http404
        found = {
            revision.pk: revision
            for revision in ArticleRevision.objects.filter(
                article=obj, pk__in=ids
            ).select_related("created_by")
        }
        if not set(ids) <= found.keys():
            raise Http404
        old, new = found[ids[0]], found[ids[1]]
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Compare versions: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "old": old,
            "new": new,
            "changes": snapshot_compare(old.data, new.data),
            "can_change": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, self.compare_template, context)

    def pending_changes_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        revision = workflow.pending_change(obj)
        may_decide = workflow.can_publish(request.user)
        form = PendingDecisionForm(request.POST or None)
        if request.method == "POST":
            if not may_decide:
                raise PermissionDenied
            if revision is None:
                messages.warning(request, gettext("Someone else decided first."))
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[obj.pk])
                )
            if form.is_valid():
                return self._decide(request, obj, revision, form.cleaned_data)
        live = article_snapshot(snapshot_queryset().get(pk=obj.pk))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Pending changes: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "revision": revision,
            "changes": snapshot_compare(live, revision.data) if revision else [],
            "form": form,
            "may_decide": may_decide,
            "scheduled": ArticleRevision.objects.filter(
                article=obj, state=ArticleRevision.State.SCHEDULED
            ).first(),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, self.pending_template, context)

    def _decide(self, request, obj, revision, cleaned) -> HttpResponseRedirect:
        note = cleaned.get("note", "").strip()
        if cleaned["decision"] == "approve":
            at = cleaned.get("apply_at")
            done = workflow.pending_change_approve(
                revision=revision, user=request.user, note=note, at=at
            )
            text = (
                gettext("The changes go live at the chosen time.")
                if at and at > timezone.now()
                else gettext("The changes are live.")
            )
        else:
            done = workflow.pending_change_return(
                revision=revision, user=request.user, note=note
            )
            text = gettext("The changes were sent back to their author.")
        if done:
            messages.success(request, text)
        else:
            messages.warning(request, gettext("Someone else decided first."))
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[obj.pk])
        )


def local_time(moment) -> str:
    """„02.12.2026 14:05“ in the site's time zone, as editors read it."""
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def _pending(obj: Article) -> ArticleRevision | None:
    """The article's pending changes, read once per request's object (the
    fieldsets, the form and the panel all ask)."""
    if "_pending_change" not in obj.__dict__:
        obj.__dict__["_pending_change"] = workflow.pending_change(obj)
    return obj.__dict__["_pending_change"]


def small_id(value) -> int | None:
    """A primary key from the query string, or None when it cannot be one."""
    if not isinstance(value, str) or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def _page_number(request) -> int:
    value = request.GET.get("p", "1")
    return int(value) if value.isdigit() and 0 < int(value) < 10_000 else 1


class PendingChangesFilter(admin.SimpleListFilter):
    """„Ausstehende Änderungen“ in the article list: live articles with changes
    waiting for an editor (the editors' dashboard links here)."""

    title = _("pending changes")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("1", _("waiting for approval"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            waiting = ArticleRevision.objects.filter(
                article=OuterRef("pk"), state=ArticleRevision.State.PENDING
            )
            return queryset.filter(Exists(waiting))
        return queryset
