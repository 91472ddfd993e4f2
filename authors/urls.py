from django.urls import path

from authors import views

app_name = "authors"

urlpatterns = [
    path("autoren/", views.AuthorListView.as_view(), name="list"),
    path("autoren/<slug:slug>/", views.AuthorDetailView.as_view(), name="detail"),
]
