"""Old WordPress addresses keep working: 301 to the imported article."""

import re

from django.http import HttpResponsePermanentRedirect

from articles.models import Article
from wordpress_import.models import LegacyURL, WordPressObject

WORDPRESS_ID = re.compile(r"[0-9]{1,18}")


class LegacyRedirectMiddleware:
    """Answers requests for old addresses with 301 to the article.

    Costs nothing on normal requests: the path is looked up only when the
    response is a 404 anyway, and ``/?p=123`` (WordPress's plain links) only
    when a ``p`` parameter is on the home page. Only published articles are
    redirected to, so old links do not reveal drafts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "p" in request.GET and request.path_info == "/":
            article = self._by_wordpress_id(request.GET["p"])
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        response = self.get_response(request)
        if response.status_code == 404 and request.method in {"GET", "HEAD"}:
            article = self._by_path(request.path_info)
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        return response

    @staticmethod
    def _by_wordpress_id(value: str) -> Article | None:
        # ASCII digits only: str.isdigit() is true for „²“ and „①“ too.
        if not WORDPRESS_ID.fullmatch(value):
            return None
        record = WordPressObject.objects.filter(
            kind=WordPressObject.Kind.POST, wp_id=int(value)
        ).first()
        if record is None:
            return None
        return Article.objects.published().filter(pk=record.object_id).first()

    @staticmethod
    def _by_path(path: str) -> Article | None:
        if "\x00" in path:  # never stored (core.text), and PostgreSQL refuses it
            return None
        candidates = {path, path.rstrip("/") + "/", path.rstrip("/")} - {""}
        legacy = (
            LegacyURL.objects.filter(
                path__in=candidates, article__in=Article.objects.published()
            )
            .select_related("article")
            .first()
        )
        return legacy.article if legacy else None
