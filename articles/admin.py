from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitDefaultTag

from articles import hooks, services
from articles.admin_history import PendingChangesFilter, RevisionAdminMixin
from articles.models import Article, Byline, Category, Tag
from articles.newsroom import checklist
from articles.newsroom.autosave_admin import AutosaveAdminMixin
from articles.newsroom.locks_admin import EditLockAdminMixin
from articles.newsroom.preview_admin import PreviewAdminMixin
from articles.newsroom.preview_links_admin import PreviewLinksAdminMixin
from articles.newsroom.versions import VersionedArticleForm
from core.admin import SafeDateHierarchyMixin
from pictures.admin import autocomplete_media, picture_thumbnail
from pictures.body import missing_references
from pictures.forms import PictureUploadMixin

# Articles use our own Tag model (German slugs); hide taggit's unused default one.
admin.site.unregister(TaggitDefaultTag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name"]


class BylineFormSet(BaseInlineFormSet):
    """Bylines as a journalist may edit them: add co-authors, but leave the
    saved bylines (theirs and other people's) as they are; changing or
    removing them is for editors. Disabled fields keep their stored value
    whatever a forged form sends."""

    may_change_saved = True

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if not self.may_change_saved and form.instance.pk is not None:
            for name in ("author", "position"):
                form.fields[name].disabled = True

    def clean(self):
        # The pre-publish checklist runs here: the only place that sees the
        # article as posted (``self.instance``) together with its bylines.
        super().clean()
        if any(self.errors) or not checklist.becomes_published(self.instance):
            return
        has_byline = any(
            form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
            for form in self.forms
            if form.cleaned_data
        )
        missing = checklist.missing_for_publication(
            self.instance, has_byline=has_byline
        )
        if missing:
            raise ValidationError(
                _("Not published yet, it still needs: %(missing)s.")
                % {"missing": checklist.describe(missing)},
                code="checklist",
            )


class BylineInline(admin.TabularInline):
    model = Byline
    formset = BylineFormSet
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.may_change_saved = can_publish(request.user)
        return formset

    def has_delete_permission(self, request, obj=None):
        # Without it the formset has no DELETE fields and ignores posted ones.
        return can_publish(request.user) and super().has_delete_permission(request, obj)


def can_publish(user) -> bool:
    return user.has_perm("articles.publish_article")


class ArticleAdminForm(PictureUploadMixin, VersionedArticleForm):
    class Meta:
        model = Article
        fields = ["picture", "image_caption"]  # the admin adds its fieldsets

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("picture_upload"):
            # The checklist (in the bylines' formset, which sees this instance)
            # judges the picture being uploaded, not the one it replaces.
            self.instance.picture_upload_texts = {
                "alt_text": cleaned.get("picture_upload_alt", ""),
                "photographer": cleaned.get("picture_upload_photographer", ""),
                "source": cleaned.get("picture_upload_source", ""),
            }
        return cleaned


@admin.register(Article)
class ArticleAdmin(
    RevisionAdminMixin,
    PreviewAdminMixin,
    PreviewLinksAdminMixin,
    EditLockAdminMixin,
    AutosaveAdminMixin,
    SafeDateHierarchyMixin,
    admin.ModelAdmin,
):
    # The picture fields, and a save on top of a newer one refused
    # (articles/newsroom/versions.py).
    form = ArticleAdminForm
    list_display = [
        "title",
        "status_label",
        "category",
        "byline",
        "publish_at",
        "updated_at",
    ]
    list_filter = ["status", PendingChangesFilter, "category", "publish_at"]
    list_select_related = ["category"]
    search_fields = ["title", "lead", "slug", "authors__last_name"]
    autocomplete_fields = ["picture"]
    date_hierarchy = "publish_at"
    inlines = [BylineInline]
    readonly_fields = ["image_preview", "created_at", "updated_at"]
    actions = ["submit_for_review", "publish", "unpublish"]
    # The writing screen (admin/articles/article/change_form.html): the first
    # fieldset is the main column, the others and the inlines the sidebar.
    fieldsets = [
        (None, {"fields": ["title", "lead", "body"]}),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
        (_("Classification"), {"fields": ["category", "tags"]}),
        (
            _("Featured image"),
            {
                "fields": [
                    "picture",
                    "image_preview",
                    "picture_upload",
                    ("picture_upload_alt", "picture_upload_photographer"),
                    "picture_upload_source",
                    "image_caption",
                ],
                "description": _(
                    "Pick a picture from the library; alt text, credit and "
                    "rights belong to the picture."
                ),
            },
        ),
        (
            _("Address and search engines"),
            {"fields": ["slug", "meta_description"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"]}),
    ]

    @property
    def media(self):
        # Library pictures inside the body editor (pictures/editor.py), and
        # thumbnails in the featured image's autocomplete.
        editor = forms.Media(css={"all": ["pictures/editor.css"]})
        return super().media + autocomplete_media() + editor

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            # Named here, not only in list_select_related: the change list skips
            # that when the queryset already joins something (the hooks below).
            .select_related("category")
            .prefetch_related("bylines__author")
        )
        # Feature apps' joins (rating summary…) for their change-list columns.
        return hooks.apply_queryset_hooks(queryset.editable_by(request.user))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            article = self.get_object(request, object_id)
            missing = missing_references(article.body) if article else []
            if missing:
                # Readers see nothing where these figures stand.
                self.message_user(
                    request,
                    _(
                        "The text refers to pictures that are not in the library "
                        "or whose usage rights have ended (%(ids)s); readers do not "
                        "see them."
                    )
                    % {"ids": ", ".join(map(str, missing))},
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_inlines(self, request, obj):
        # Feature apps add per-article settings here (see articles/hooks.py).
        return [*super().get_inlines(request, obj), *hooks.ADMIN_INLINES.items()]

    def get_list_display(self, request):
        return [*super().get_list_display(request), *hooks.ADMIN_COLUMNS.items()]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user):
            fields.append("publish_at")  # journalists submit; editors schedule
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request.user):
            kwargs["choices"] = [
                (value, label)
                for value, label in Article.Status.choices
                if value != Article.Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        published = obj is not None and obj.status == Article.Status.PUBLISHED
        if published and not can_publish(request.user) and "status" in form.base_fields:
            # A journalist may fix a typo in a published article but not
            # unpublish it through the status field.
            form.base_fields["status"].disabled = True
        return form

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        if picture := form.uploaded_picture(user=request.user):
            obj.picture = picture
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        profile = getattr(request.user, "author_profile", None)
        if not change and profile is not None and not article.bylines.exists():
            Byline.objects.create(article=article, author=profile)

    @admin.display(description=_("Status"), ordering="status")
    def status_label(self, obj: Article) -> str:
        if obj.is_scheduled:
            return _("Scheduled")
        return obj.get_status_display()

    @admin.display(description=_("Authors"))
    def byline(self, obj: Article) -> str:
        return ", ".join(str(b.author) for b in obj.bylines.all())

    @admin.display(description=_("Preview"))
    def image_preview(self, obj: Article) -> str:
        if obj.picture is None:
            return "–"
        return picture_thumbnail(obj.picture, width=320)

    @admin.action(description=_("Submit selected articles for review"))
    def submit_for_review(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Article.Status.DRAFT):
            services.article_submit_for_review(article=article)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d article submitted for review.",
                "%d articles submitted for review.",
                count,
            )
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Publish selected articles"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        published = 0
        for article in queryset.prefetch_related("bylines"):
            missing = checklist.missing_for_publication(
                article, has_byline=bool(article.bylines.all())
            )
            if missing and article.status != Article.Status.PUBLISHED:
                self.message_user(
                    request,
                    _("„%(title)s“ not published, it still needs: %(missing)s.")
                    % {"title": article.title, "missing": checklist.describe(missing)},
                    messages.ERROR,
                )
                continue
            services.article_publish(article=article)
            published += 1
        if published:
            self.message_user(request, _("Articles published."), messages.SUCCESS)

    @admin.action(
        description=_("Unpublish selected articles (back to draft)"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        for article in queryset:
            services.article_unpublish(article=article)
        self.message_user(request, _("Articles set back to draft."), messages.SUCCESS)

    def has_publish_permission(self, request) -> bool:
        return can_publish(request.user)
