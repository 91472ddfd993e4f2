"""The admin site of the newsroom: named after the magazine, with the role
dashboard as its index (``articles.newsroom.dashboard``)."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.newsroom.dashboard import dashboard_context


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

    def index(self, request, extra_context=None):
        context = {**dashboard_context(request), **(extra_context or {})}
        return super().index(request, extra_context=context)
