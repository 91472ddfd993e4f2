from django.urls import path

from ratings import views

app_name = "ratings"

urlpatterns = [
    path("artikel/<slug:slug>/bewerten/", views.vote, name="vote"),
]
