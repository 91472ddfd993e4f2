from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from authors.models import Author
from pictures.admin import autocomplete_media, picture_thumbnail


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "user", "website", "photo_thumbnail"]
    list_select_related = ["user", "portrait"]
    search_fields = ["first_name", "last_name", "slug", "topics"]
    prepopulated_fields = {"slug": ("first_name", "last_name")}
    autocomplete_fields = ["user", "portrait"]
    readonly_fields = ["photo_thumbnail"]
    fieldsets = [
        (None, {"fields": ["honorific", "first_name", "last_name", "slug", "pronoun"]}),
        (_("Profile"), {"fields": ["short_bio", "bio", "topics", "website"]}),
        (_("Photo"), {"fields": ["portrait", "photo_thumbnail"]}),
        (_("Internal"), {"fields": ["user", "email"]}),
    ]

    @property
    def media(self):
        return super().media + autocomplete_media()  # thumbnails for the portrait

    @admin.display(description=_("Photo preview"))
    def photo_thumbnail(self, obj: Author) -> str:
        if obj.portrait is None:
            return "–"
        return picture_thumbnail(obj.portrait, width=80)
