from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from authors.models import Author


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "user", "website", "photo_thumbnail"]
    list_select_related = ["user"]
    search_fields = ["first_name", "last_name", "slug", "topics"]
    prepopulated_fields = {"slug": ("first_name", "last_name")}
    autocomplete_fields = ["user"]
    readonly_fields = ["photo_thumbnail"]
    fieldsets = [
        (None, {"fields": ["honorific", "first_name", "last_name", "slug", "pronoun"]}),
        (_("Profile"), {"fields": ["short_bio", "bio", "topics", "website"]}),
        (_("Photo"), {"fields": ["photo", "photo_thumbnail"]}),
        (_("Internal"), {"fields": ["user", "email"]}),
    ]

    @admin.display(description=_("Photo preview"))
    def photo_thumbnail(self, obj: Author) -> str:
        if not obj.photo:
            return "–"
        return format_html(
            '<img src="{}" alt="" style="max-height:80px;border-radius:4px">',
            obj.photo.url,
        )
