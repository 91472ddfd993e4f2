"""What the writing screen's small POST endpoints (autosave, heartbeat, take
over) share: admin-only, POST-only URLs next to the change page, and the one
way to find the article a person may edit."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path
from django.views.decorators.http import require_POST


class ArticleEndpointsMixin:
    def endpoint_path(self, route: str, view, suffix: str):
        """``route`` → ``view`` behind the admin's login, POST only, named
        ``<app>_<model>_<suffix>``."""
        name = f"{self.opts.app_label}_{self.opts.model_name}_{suffix}"
        return path(route, self.admin_site.admin_view(require_POST(view)), name=name)

    def _editable_article(self, request, object_id):
        # get_object goes through get_queryset: a journalist's foreign article
        # is not found, as on its change page.
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article
