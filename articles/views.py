from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from articles.counts import PublishedCountPaginator
from articles.models import Article, Category, Tag
from articles.structured_data import article_json_ld

PAGE_SIZE = 12


class ArticleListView(ListView):
    """Newest published articles: the home page, and the base of the other lists."""

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().with_related(join_category=False)

    def get_paginator(self, queryset, *args, **kwargs):
        """The home page counts all published articles from the cache (see
        ``articles.counts``); filtered lists (subclasses) count exactly."""
        if type(self) is ArticleListView:
            return PublishedCountPaginator(queryset, *args, **kwargs)
        return super().get_paginator(queryset, *args, **kwargs)

    def get_context_data(self, **kwargs):
        """The teasers' categories come from the navigation's category list (one
        query for both) instead of a join; see ``with_related``."""
        context = super().get_context_data(**kwargs)
        categories = list(Category.objects.all())
        by_pk = {category.pk: category for category in categories}
        for article in context["object_list"]:
            article.category = by_pk[article.category_id]
        context["nav_categories"] = categories
        return context


class CategoryView(ArticleListView):
    template_name = "articles/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # The public sees published articles; staff may preview what they may edit.
        return Article.objects.visible_to(self.request.user).with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["json_ld"] = article_json_ld(self.object, self.request)
        context["is_preview"] = not self.object.is_published
        return context
