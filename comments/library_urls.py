"""django-comments-xtd's views that our flow uses, under German paths.

Not namespaced, because the libraries reverse these names themselves
(``comments-xtd-confirm`` in the confirmation mail, ``comments-xtd-mute`` in the
follow-up mail, ``comments-xtd-sent`` after posting). xtd's full ``urls.py`` is
not included: it would also publish its REST API, likes and flags, which we
don't use.
"""

from django.urls import path
from django_comments_xtd import views as xtd_views

urlpatterns = [
    path("kommentare/gesendet/", xtd_views.sent, name="comments-xtd-sent"),
    path(
        "kommentare/bestaetigen/<str:key>/",
        xtd_views.confirm,
        name="comments-xtd-confirm",
    ),
    path(
        "kommentare/abbestellen/<str:key>/",
        xtd_views.mute,
        name="comments-xtd-mute",
    ),
]
