from django.urls import path

from articles import print_views, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("artikel/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path(
        "artikel/<slug:slug>/drucken/",
        print_views.ArticlePrintView.as_view(),
        name="print",
    ),
    path("artikel/<slug:slug>/pdf/", print_views.article_pdf, name="pdf"),
    path("rubrik/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("schlagwort/<slug:slug>/", views.TagView.as_view(), name="tag"),
]
