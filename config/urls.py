from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.flatpages import views as flatpage_views
from django.urls import include, path, re_path
from django.views.static import serve

from discovery import sitemaps
from discovery import views as discovery_views

# The feature apps are optional: without one in INSTALLED_APPS the site runs
# without that feature (tests/test_without_feature_apps.py).
FEATURE_URLCONFS = {
    "ratings": ["ratings.urls"],
    "counters": ["counters.urls"],
    # xtd's confirm/mute addresses come un-namespaced, in comments.library_urls.
    "comments": ["comments.urls", "comments.library_urls"],
}

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # Discovery: for crawlers, outside the language prefixes.
    path("robots.txt", discovery_views.robots_txt, name="robots-txt"),
    path("favicon.ico", discovery_views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap-news"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap, name="sitemap-section"),
]

# Public pages: German at the root, English under /en/.
urlpatterns += i18n_patterns(
    # Legal pages: django.contrib.flatpages, edited by editors in the admin.
    path(
        "datenschutz/",
        flatpage_views.flatpage,
        {"url": "/datenschutz/"},
        name="privacy",
    ),
    path("impressum/", flatpage_views.flatpage, {"url": "/impressum/"}, name="imprint"),
    path("", include("articles.author_urls")),
    path("", include("articles.urls")),
    path("", include("discovery.urls")),
    path("", include("printing.urls")),
    *[
        path("", include(urlconf))
        for app, urlconfs in FEATURE_URLCONFS.items()
        if apps.is_installed(app)
        for urlconf in urlconfs
    ],
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
