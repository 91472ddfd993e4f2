"""Counts article page views after the response, without ``articles`` knowing.

The article page is ``articles:detail``, a ``DetailView`` answering with a
``TemplateResponse`` whose ``context_data["article"]`` is the article it showed.
So the middleware learns the article for free: no slug lookup, no query, and no
change to the article view. It counts only a rendered 200 answer to a GET (not
HEAD, not an error, not a 304) of a published article (not a staff preview), and
then asks ``rules.is_counted_view`` (bots, prefetch, staff, 30-minute window).
A counted view costs one write statement; anything else costs no query.

With ``VIEW_COUNT_BEACON`` on, pages never count here: the page's script calls
the beacon endpoint instead (``views.beacon``), for sites that cache whole pages.
"""

import logging

from django.conf import settings

from counters.rules import is_counted_view
from counters.services import view_record

logger = logging.getLogger(__name__)

ARTICLE_VIEW_NAME = "articles:detail"


class ViewCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.VIEW_COUNT_BEACON:
            return response
        article = self.counted_article(request, response)
        if article is not None and is_counted_view(request, article.pk):
            try:
                view_record(article_id=article.pk)
            except Exception:  # a lost view must never cost the reader the page
                logger.exception("Could not count a view of article %s", article.pk)
        return response

    @staticmethod
    def counted_article(request, response):
        match = getattr(request, "resolver_match", None)
        if (
            request.method != "GET"
            or match is None
            or match.view_name != ARTICLE_VIEW_NAME
            or response.status_code != 200
        ):
            return None
        article = (getattr(response, "context_data", None) or {}).get("article")
        if article is None or not getattr(article, "is_published", False):
            return None
        return article
