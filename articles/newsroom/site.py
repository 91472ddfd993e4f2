"""The admin site of the newsroom: named after the magazine, with the role
dashboard as its index (``articles.newsroom.dashboard``), and an autocomplete
whose results a model's admin may enrich (the picture library adds
thumbnails)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.utils.translation import gettext_lazy as _

from articles.newsroom.dashboard import dashboard_context


class EnrichedAutocompleteJsonView(AutocompleteJsonView):
    """Django's autocomplete, plus what the searched model's admin returns
    from ``autocomplete_extra(obj)`` (a dict) for each result."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        extra = getattr(self.model_admin, "autocomplete_extra", None)
        return result | extra(obj) if extra else result


class NewsroomAdminSite(admin.AdminSite):
    index_template = "admin/newsroom/index.html"
    index_title = _("Newsroom")
    site_url = "/"

    @property
    def site_header(self) -> str:
        return settings.SITE_NAME

    @property
    def site_title(self) -> str:
        return settings.SITE_NAME

    def autocomplete_view(self, request):
        return EnrichedAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        context = {**dashboard_context(request), **(extra_context or {})}
        return super().index(request, extra_context=context)
