"""Related articles: „Ähnliche Artikel“ under each article."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles import hooks
from articles.models import Article, Byline, TaggedArticle, published_q

# Three cards: one row of the three-column grid, no orphan.
RELATED_LIMIT = 3


def related_articles(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Published articles like ``article``, as cards (see ``ranked_related``).

    Finding them is the expensive part (0.1–0.7 s at 100,000 articles on
    SQLite), and its answer hardly moves: the ranked ids are cached for
    ``FRAGMENT_CACHE_SECONDS`` per version of the article, so a new article
    joins a related list within that time. The cards are read fresh, of
    published articles only: one that was unpublished or deleted leaves the
    list at once. Comments and other changes elsewhere on the site (which
    re-render the page's fragments) cost only the cheap card query.
    """
    key = "related-ids:{}:{}:{}".format(
        article.pk, article.updated_at.timestamp() if article.updated_at else "", limit
    )
    ids = cache.get(key)
    if ids is None:
        ids = ranked_related(article, limit=limit)
        cache.set(key, ids, settings.FRAGMENT_CACHE_SECONDS)
    if not ids:
        return []
    cards = (
        Article.objects.published()
        .filter(pk__in=ids)
        .defer("search_vector")
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "bylines",
                queryset=Byline.objects.select_related("author").order_by("position"),
            )
        )
    )
    by_pk = {card.pk: card for card in hooks.apply_queryset_hooks(cards)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def ranked_related(article: Article, *, limit: int = RELATED_LIMIT) -> list[int]:
    """Published articles like ``article``: most shared tags first, then the same
    category, then the newest; never the article itself.

    Their ids, in one query whatever the number of tags or results; the
    article's own tags come from ``tag_list`` (read once per page).

    Why this shape: scoring *every* article (a left join over all tag rows, plus
    the view-total subqueries of the counters hook on every row) took 11–18 s at
    100,000 articles on SQLite. Only two small sets can hold the result:

    * the ``limit`` best articles sharing a tag: the tag rows of the article's
      tags (index ``tagged_article_by_tag``), grouped per article and ranked;
    * the ``limit`` newest articles of the same category that share *no* tag
      (walks the ``article_category_publish`` index and stops early).

    Both are ``LIMIT`` subqueries (one ``UNION ALL``) of the one query, which
    ranks the at most ``2 × limit`` rows again with the same order.
    """
    tag_ids = [tag.pk for tag in article.tag_list]
    same_category = Case(
        When(category_id=article.category_id, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    sharing = TaggedArticle.objects.filter(
        content_object=OuterRef("pk"), tag_id__in=tag_ids
    )
    best_sharing = (
        TaggedArticle.objects.filter(
            published_q("content_object__"), tag_id__in=tag_ids
        )
        .exclude(content_object_id=article.pk)
        .values("content_object_id")
        .annotate(
            shared=Count("pk"),
            same=Max(
                Case(
                    When(content_object__category_id=article.category_id, then=1),
                    default=0,
                    output_field=IntegerField(),
                )
            ),
            newest=Max("content_object__publish_at"),
        )
        .order_by("-shared", "-same", "-newest", "-content_object_id")
        .values("content_object_id")[:limit]
    )
    newest_in_category = (
        Article.objects.published()
        .filter(category_id=article.category_id)
        .exclude(pk=article.pk)
        .exclude(Exists(sharing))
        .order_by("-publish_at", "-pk")
        .values("pk")[:limit]
    )
    shared_tags = Subquery(
        sharing.order_by().values("content_object").annotate(n=Count("pk")).values("n"),
        output_field=IntegerField(),
    )
    # One IN list from both sets. ``pk__in=a | pk__in=b`` would make SQLite
    # build the ranking twice (once per OR branch); a UNION ALL of the two
    # compiled querysets is built once. Each part is wrapped in a derived table
    # because SQLite allows no LIMIT in the parts of a compound SELECT.
    if tag_ids:
        ranked_sql, ranked_params = best_sharing.query.sql_with_params()
        newest_sql, newest_params = newest_in_category.query.sql_with_params()
        candidates = RawSQL(
            f"SELECT * FROM ({ranked_sql}) AS ranked "
            f"UNION ALL SELECT * FROM ({newest_sql}) AS newest",
            (*ranked_params, *newest_params),
        )
    else:  # nothing can share a tag: the newest of the category
        candidates = newest_in_category
    ranked = (
        Article.objects.filter(pk__in=candidates)
        .annotate(
            shared_tags=Coalesce(shared_tags, Value(0)), same_category=same_category
        )
        .order_by("-shared_tags", "-same_category", "-publish_at", "-pk")
    )
    return list(ranked.values_list("pk", flat=True)[:limit])
