from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("kommentare/senden/", views.post, name="post"),
    path(
        "kommentare/moderieren/<str:token>/",
        views.moderate_link,
        name="moderate-link",
    ),
    path("kommentare/antworten/<int:pk>/", views.reply, name="reply"),
]
