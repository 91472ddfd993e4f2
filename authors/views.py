from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.views import ArticleListView
from authors.models import Author


class AuthorDetailView(ArticleListView):
    """An author's profile with their published articles, newest first."""

    template_name = "authors/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        self.count_key = f"author:{self.author.pk}"
        return super().get_queryset().by_author(self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class AuthorListView(ListView):
    template_name = "authors/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return Author.objects.with_published_articles()
