from django.urls import path

from counters import views

app_name = "counters"

urlpatterns = [
    path("zaehler/aufruf/", views.beacon, name="beacon"),
]
