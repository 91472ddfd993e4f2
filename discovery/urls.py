from django.urls import path

from discovery import feeds, views

app_name = "discovery"

urlpatterns = [
    path("suche/", views.SearchView.as_view(), name="search"),
    path("archiv/", views.ArchiveIndexView.as_view(), name="archive"),
    path(
        "archiv/<int:year>/<int:month>/",
        views.MonthArchiveView.as_view(),
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
