"""The picture library in the admin: a grid of thumbnails with search and
filters, a picture's page with its uses and a focal point set by a click
(two number fields without JavaScript). Journalists upload and change
pictures; editors also delete them, which the uses prevent (``PROTECT``: the
admin lists them instead of deleting)."""

from fractions import Fraction

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pictures import renditions
from pictures.models import Picture
from pictures.uses import picture_uses


def picture_thumbnail(picture: Picture, *, width: int = 240) -> str:
    """A 16:9 crop around the focal point, as teasers show it."""
    image = renditions.rendition(
        picture, renditions.crop(picture, renditions.TEASER, width * 2)
    )
    return format_html(
        '<img class="picture-thumbnail" src="{}" width="{}" height="{}" alt="{}">',
        image.url,
        width,
        round(width / renditions.TEASER),
        picture.alt_text,
    )


PICKER_ROWS = 24


def autocomplete_media() -> forms.Media:
    """For the admins that choose a picture by autocomplete (an article's
    featured image, an author's portrait): thumbnails in the results, from the
    ``thumbnail`` that ``PictureAdmin.autocomplete_extra`` adds to each. After
    select2 (the same file as the admin's widget loads), before the widgets
    start."""
    extra = "" if settings.DEBUG else ".min"
    return forms.Media(
        js=[
            f"admin/js/vendor/jquery/jquery{extra}.js",
            f"admin/js/vendor/select2/select2.full{extra}.js",
            "admin/js/jquery.init.js",
            "pictures/autocomplete.js",
        ],
        css={"screen": ["pictures/autocomplete.css"]},
    )


def picker_row(picture: Picture) -> dict:
    """What the editor's picker and its figure show of a picture."""
    thumbnail = renditions.rendition(
        picture, renditions.crop(picture, renditions.TEASER, 480)
    )
    return {
        "id": picture.pk,
        "caption": picture.caption,
        "alt": picture.alt_text,
        "credit": picture.credit_line,
        "thumbnail": thumbnail.url,
        "usable": picture.is_usable,
        "url": picture.get_absolute_url(),
    }


class PhotographerFilter(admin.SimpleListFilter):
    title = _("photographer")
    parameter_name = "photographer"

    def lookups(self, request, model_admin):
        names = (
            Picture.objects.exclude(photographer="")
            .order_by("photographer")
            .values_list("photographer", flat=True)
            .distinct()
        )
        return [(name, name) for name in names]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(photographer=self.value())
        return queryset


class RightsFilter(admin.SimpleListFilter):
    title = _("usage rights")
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [
            ("ending", _("End within 14 days")),
            ("ended", _("Ended (hidden from readers)")),
            ("limited", _("Limited")),
            ("unlimited", _("Unlimited")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "ending":
                return queryset.rights_ending(within_days=14)
            case "ended":
                return queryset.rights_ended()
            case "limited":
                return queryset.filter(rights_end__isnull=False)
            case "unlimited":
                return queryset.filter(rights_end__isnull=True)
        return queryset


class UseFilter(admin.SimpleListFilter):
    title = _("use")
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", _("In use")), ("no", _("Not used"))]

    def queryset(self, request, queryset):
        match self.value():
            case "yes":
                return queryset.in_use()
            case "no":
                return queryset.in_use(used=False)
        return queryset


@admin.register(Picture)
class PictureAdmin(admin.ModelAdmin):
    change_list_template = "admin/pictures/picture/change_list.html"
    list_display = ["thumbnail", "__str__", "photographer", "rights_end"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = [
        PhotographerFilter,
        ("uploaded_by", admin.RelatedOnlyFieldListFilter),
        RightsFilter,
        UseFilter,
    ]
    list_select_related = ["uploaded_by"]
    list_per_page = 60
    search_fields = ["caption", "alt_text", "photographer", "source"]
    date_hierarchy = None
    readonly_fields = [
        "focal_point_picker",
        "uses",
        "uploaded_by",
        "uploaded_at",
        "dimensions",
    ]
    fieldsets = [
        (None, {"fields": ["file", "alt_text", "caption"]}),
        (
            _("Credit and rights"),
            {"fields": ["photographer", "source", "licence", "rights_end"]},
        ),
        (
            _("Focal point"),
            {
                "fields": ["focal_point_picker", ("focal_x", "focal_y")],
                "description": _(
                    "Click on what matters in the picture: teasers, social "
                    "cards and search results crop around it."
                ),
            },
        ),
        (_("Uses"), {"fields": ["uses"]}),
        (_("Upload"), {"fields": ["uploaded_by", "uploaded_at", "dimensions"]}),
    ]

    class Media:
        css = {"all": ["pictures/admin.css"]}
        js = ["pictures/focal_point.js"]

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="pictures_picture_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The body editor's picker (pictures/editor.py): JSON of the pictures
        matching ``q`` (the list's search), or of the one with ``id``; at most
        ``PICKER_ROWS``, whatever the size of the library (one query)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        pictures = Picture.objects.all()
        if "id" in request.GET:
            raw = request.GET["id"]
            if not raw.isdigit() or len(raw) > 18:
                return JsonResponse({"error": "id must be a number"}, status=400)
            pictures = pictures.filter(pk=int(raw))
        else:
            pictures = pictures.usable()  # ended rights: nothing to insert
            query = request.GET.get("q", "")[:200].strip()
            if query:
                pictures, _duplicates = self.get_search_results(
                    request, pictures, query
                )
        rows = list(pictures[: PICKER_ROWS + 1])
        return JsonResponse(
            {
                "results": [picker_row(picture) for picture in rows[:PICKER_ROWS]],
                "more": len(rows) > PICKER_ROWS,
            }
        )

    def autocomplete_extra(self, obj: Picture) -> dict:
        """What the site's autocomplete adds to each result (thumbnails)."""
        row = picker_row(obj)
        return {"thumbnail": row["thumbnail"], "credit": row["credit"]}

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # uploading: nothing to click on or list yet
            return [
                fieldset
                for fieldset in self.fieldsets
                if fieldset[0] not in (_("Uses"), _("Upload"))
            ]
        return self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["focal_point_picker"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Picture"))
    def thumbnail(self, obj: Picture) -> str:
        return picture_thumbnail(obj)

    @admin.display(description=_("Size"))
    def dimensions(self, obj: Picture) -> str:
        return f"{obj.width} × {obj.height} px"

    @admin.display(description=_("Click to set"))
    def focal_point_picker(self, obj: Picture | None) -> str:
        if obj is None or not obj.pk:
            return _("Save the picture first; then click on it here.")
        preview = renditions.rendition(obj, renditions.Fit(960))
        return render_to_string(
            "admin/pictures/picture/focal_point_picker.html",
            {
                "picture": obj,
                "preview": preview,
                "crops": [
                    (label, renditions.rendition(obj, renditions.crop(obj, ratio, 320)))
                    for label, ratio in (
                        (_("Teaser 16:9"), renditions.TEASER),
                        (_("Square"), Fraction(1)),
                        (_("Social card"), Fraction(1200, 630)),
                    )
                ],
            },
        )

    @admin.display(description=_("Used in"))
    def uses(self, obj: Picture) -> str:
        return render_to_string(
            "admin/pictures/picture/uses.html", {"uses": picture_uses(obj)}
        )
