from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from articles import search
        from articles.counts import forget_published_count
        from articles.models import Article

        search.connect_signals()
        for signal in (post_save, post_delete):
            signal.connect(
                forget_published_count,
                sender=Article,
                dispatch_uid=f"articles-published-count-{signal is post_save}",
            )
