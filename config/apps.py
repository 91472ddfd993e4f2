from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin, whose ``admin.site`` is the newsroom's
    (``articles.newsroom.site``: the magazine's name, the role dashboard)."""

    default_site = "articles.newsroom.site.NewsroomAdminSite"
