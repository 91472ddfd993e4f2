from django.contrib import admin

from wordpress_import.models import LegacyURL


@admin.register(LegacyURL)
class LegacyURLAdmin(admin.ModelAdmin):
    """Old addresses (from the WordPress import) that answer 301 to an article."""

    list_display = ["path", "article"]
    list_select_related = ["article"]
    search_fields = ["path", "article__title"]
    autocomplete_fields = ["article"]
