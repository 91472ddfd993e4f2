from django.urls import path

from articles import discovery_views, feeds, print_views, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("artikel/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path(
        "artikel/<slug:slug>/drucken/",
        print_views.ArticlePrintView.as_view(),
        name="print",
    ),
    path("artikel/<slug:slug>/pdf/", print_views.article_pdf, name="pdf"),
    path("rubrik/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("schlagwort/<slug:slug>/", views.TagView.as_view(), name="tag"),
    # Discovery: search, archives, feeds (articles/discovery_views.py, feeds.py)
    path("suche/", discovery_views.SearchView.as_view(), name="search"),
    path("archiv/", discovery_views.ArchiveIndexView.as_view(), name="archive"),
    path(
        "archiv/<int:year>/<int:month>/",
        discovery_views.MonthArchiveView.as_view(),
        name="archive-month",
    ),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("rubrik/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path(
        "rubrik/<slug:slug>/feed/atom/",
        feeds.CategoryAtomFeed(),
        name="category-feed-atom",
    ),
    path("autoren/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path(
        "autoren/<slug:slug>/feed/atom/",
        feeds.AuthorAtomFeed(),
        name="author-feed-atom",
    ),
    path("schlagwort/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path(
        "schlagwort/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"
    ),
]
