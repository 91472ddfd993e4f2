from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from articles import revisions, search_index
        from articles.fragments import bump_content_version, content_version
        from articles.models import Article, Byline, Category, Tag, TaggedArticle
        from articles.newsroom.preview_links import forget_dead_preview_links
        from articles.services import sync_inline_pictures_on_save
        from authors.models import Author
        from core.signals import privacy_cleanup_requested
        from pictures.models import Picture

        # What the installed apps add to articles (articles/hooks.py), and the
        # newsroom's block about the picture library below it.
        autodiscover_modules("hooks")
        import articles.newsroom.picture_rights  # noqa: F401

        search_index.connect_signals()
        privacy_cleanup_requested.connect(
            forget_dead_preview_links, dispatch_uid="articles-preview-links-cleanup"
        )
        # Purges of the shared HTTP cache after a change (core.purge).
        from articles import caching

        caching.connect()
        # Whole reader pages kept per worker without an HTTP cache in front:
        # valid for one content version; a stored article page still counts.
        from articles.views import stored_page_shown
        from core import page_store

        page_store.version_source(content_version)
        page_store.on_hit(stored_page_shown)
        revisions.connect_signals()
        post_save.connect(
            sync_inline_pictures_on_save,
            sender=Article,
            dispatch_uid="article-inline-pictures",
        )
        # Cached fragments of the public pages (articles.fragments); the comments
        # app connects its own models the same way.
        for model in (
            Article,
            Byline,
            Category,
            Tag,
            TaggedArticle,
            Author,
            Picture,
        ):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"content-version-{model.__name__}-{id(signal)}",
                )
        m2m_changed.connect(
            bump_content_version,
            sender=Article.tags.through,
            dispatch_uid="content-version-article-tags",
        )
