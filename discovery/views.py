"""Pages that help readers find articles: search, archives, robots.txt, and
the favicon at the address browsers ask for."""

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import ListView, TemplateView

from articles.fragments import content_version
from articles.models import Article
from core.ratelimit import rate_limit_network, too_many_requests
from core.site import site_url
from discovery.archive import archive_months, month_bounds
from discovery.search import QUERY_MAX_LENGTH, search_articles

SEARCH_PAGE_SIZE = 10
ARCHIVE_PAGE_SIZE = 12


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Please enter at most %(limit_value)d characters "
                "(you entered %(show_value)d)."
            ),
        },
    )


class SearchView(ListView):
    """``/suche/?q=…``: published articles ranked by relevance, with excerpts.

    Invalid queries (too long, NUL characters) get the page with the form's
    error and status 400; too many searches from one network get 429.
    """

    template_name = "discovery/search.html"
    paginate_by = SEARCH_PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.query = ""
        if request.GET.get("q", "").strip():
            limit = rate_limit_network(request, scope="search")
            if not limit.allowed:
                return too_many_requests(
                    request,
                    limit,
                    message=gettext("Too many searches"),
                    template="discovery/search_rate_limited.html",
                )
            if self.form.is_valid():
                self.query = self.form.cleaned_data["q"].strip()
        response = super().get(request, *args, **kwargs)
        if self.form.errors:
            response.status_code = 400
        return response

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        # The content version (read once per request; the page's cached
        # fragments use it too) keys the cached ranking of the query.
        return search_articles(
            self.query, version=content_version(self.request)
        ).with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, query=self.query)
        return context


class ArchiveIndexView(TemplateView):
    """``/archiv/``: every year with its months and article counts."""

    template_name = "discovery/archive_index.html"

    def get_context_data(self, **kwargs):
        # Read only when the cached fragment of the years is rendered (after a
        # content change): 55 ms at 100,000 articles on SQLite.
        years = SimpleLazyObject(archive_months)
        return super().get_context_data(years=years, **kwargs)


class MonthArchiveView(ListView):
    """``/archiv/2012/6/``: the published articles of one month, newest first."""

    template_name = "discovery/archive_month.html"
    paginate_by = ARCHIVE_PAGE_SIZE
    allow_empty = False  # an empty month has no page

    def get_queryset(self):
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not (1 <= month <= 12 and 1900 <= year <= 9998):
            raise Http404("No such month")
        self.start, end = month_bounds(year, month)
        return (
            Article.objects.published()
            .filter(publish_at__gte=self.start, publish_at__lt=end)
            .with_related()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(month=self.start, **kwargs)


@require_safe
def favicon(request):
    """``/favicon.ico``, where browsers and crawlers look without being told:
    a permanent redirect to the hashed, long-cached static file (drawn from
    ``favicon.svg``, which pages link themselves)."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


@require_GET
def robots_txt(request):
    """``/robots.txt``: keep crawlers out of the admin, print/PDF copies and search
    results; point them to the sitemaps."""
    prefixes = [""] + [
        f"/{code}"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    context = {
        "admin_path": settings.ADMIN_URL,
        "language_prefixes": prefixes,
        "sitemap_url": site_url(reverse("sitemap")),
        "news_sitemap_url": site_url(reverse("sitemap-news")),
    }
    return render(
        request,
        "discovery/robots.txt",
        context,
        content_type="text/plain; charset=utf-8",
    )
