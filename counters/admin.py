"""The view total in the article admin, without ``articles`` knowing counters.

Django imports the admin modules in INSTALLED_APPS order, so the Article admin is
registered (by ``articles``, perhaps extended by another feature app) when this
runs. We subclass whatever is registered and register that instead: the total as
a sortable column, and a 30-day chart on the change page. Subclassing the
*registered* class, not ``articles.admin.ArticleAdmin``, lets several feature apps
extend the same admin without undoing each other.
"""

from django.contrib import admin
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from core.admin import SafeDateHierarchyMixin
from counters.chart import views_chart_svg
from counters.models import DailyViews, ViewOffset
from counters.queries import daily_series, view_total, with_view_total

BaseArticleAdmin = type(admin.site.get_model_admin(Article))


class ArticleAdmin(BaseArticleAdmin):
    list_display = [*BaseArticleAdmin.list_display, "views_column"]
    readonly_fields = [*BaseArticleAdmin.readonly_fields, "views_chart"]
    fieldsets = [
        *BaseArticleAdmin.fieldsets,
        (_("Views"), {"fields": ["views_chart"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return with_view_total(super().get_queryset(request))

    @admin.display(description=_("Views"), ordering="view_total")
    def views_column(self, obj: Article) -> str:
        return number_format(view_total(obj), force_grouping=True)

    @admin.display(description=_("Last 30 days"))
    def views_chart(self, obj: Article) -> str:
        if obj is None or obj.pk is None:
            return "–"
        return views_chart_svg(daily_series(obj, days=30))


admin.site.unregister(Article)
admin.site.register(Article, ArticleAdmin)


@admin.register(ViewOffset)
class ViewOffsetAdmin(admin.ModelAdmin):
    list_display = ["article", "views", "updated_at"]
    list_select_related = ["article"]
    search_fields = ["article__title", "article__slug"]
    autocomplete_fields = ["article"]


@admin.register(DailyViews)
class DailyViewsAdmin(SafeDateHierarchyMixin, admin.ModelAdmin):
    """Read-only: daily rows are written by counting, not by hand."""

    list_display = ["day", "article", "count"]
    list_select_related = ["article"]
    date_hierarchy = "day"
    search_fields = ["article__title", "article__slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
