from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("artikel/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("live/<int:pk>/", views.live, name="live"),
    path("vorschau/<str:token>/", views.shared_preview, name="shared-preview"),
    path("rubrik/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("schlagwort/<slug:slug>/", views.TagView.as_view(), name="tag"),
]
