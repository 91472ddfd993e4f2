from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("kommentare/senden/", views.post, name="post"),
    path("kommentare/antworten/<int:pk>/", views.reply, name="reply"),
]
