"""django-comments-xtd's views that our flow uses, under German paths.

Not namespaced, because the libraries reverse these names themselves
(``comments-xtd-confirm`` in the confirmation mail, ``comments-xtd-mute`` in the
follow-up mail, ``comments-xtd-sent`` after posting). xtd's full ``urls.py`` is
not included: it would also publish its REST API, likes and flags, which we
don't use.
"""

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist
from django.urls import path
from django.utils.translation import gettext as _
from django_comments_xtd import views as xtd_views

from comments.views import bad_request, confirm


def link_of_deleted_article_is_400(view):
    """A mailed link whose article (or comment) was deleted since: xtd unpickles
    the comment with its article and would answer with a 500."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ObjectDoesNotExist:
            return bad_request(request, _("This link is no longer valid."))

    return wrapper


urlpatterns = [
    path("kommentare/gesendet/", xtd_views.sent, name="comments-xtd-sent"),
    path(
        "kommentare/bestaetigen/<str:key>/",
        link_of_deleted_article_is_400(confirm),
        name="comments-xtd-confirm",
    ),
    path(
        "kommentare/abbestellen/<str:key>/",
        link_of_deleted_article_is_400(xtd_views.mute),
        name="comments-xtd-mute",
    ),
]
