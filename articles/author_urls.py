"""The author pages. They list articles, so the articles app serves them; they
keep the ``authors`` namespace, so ``Author.get_absolute_url()`` needs nothing
from the articles app."""

from django.urls import path

from articles import views

app_name = "authors"

urlpatterns = [
    path("autoren/", views.AuthorListView.as_view(), name="list"),
    path("autoren/<slug:slug>/", views.AuthorView.as_view(), name="detail"),
]
