"""Related articles: „Ähnliche Artikel“ under each article."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from articles import hooks
from articles.models import Article, Byline, TaggedArticle

# Three cards: one row of the three-column grid, no orphan.
RELATED_LIMIT = 3
# Articles sharing a tag that are ranked, at most (see ``ranked_related``):
# 20–27 ms on average at 100,000 articles, 54 ms at worst, where ranking all
# of them took up to 390 ms.
RELATED_CANDIDATES = 3000


def related_articles(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Published articles like ``article``, as cards (see ``ranked_related``).

    Finding them is the expensive part (20–54 ms at 100,000 articles), and its
    answer hardly moves: the ranked ids are cached for
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


def ranked_related(
    article: Article,
    *,
    limit: int = RELATED_LIMIT,
    candidates: int = RELATED_CANDIDATES,
) -> list[int]:
    """Published articles like ``article``: most shared tags first, then the same
    category, then the newest; never the article itself.

    Their ids, in one query whatever the number of tags or results; the
    article's own tags come from ``tag_list`` (read once per page).

    Why this shape: scoring *every* article sharing a tag groups all tag rows
    of the article's tags, and a common tag has tens of thousands (150–390 ms
    at 100,000 articles, for the one reader whose request finds the cached ids
    expired). The ranking is exact over a bounded set of candidates:

    * per tag of the article, the most recently created of its articles (a
      backward walk of the ``tagged_article_by_tag`` index that stops early);
      together at most ``candidates`` rows, shared evenly, so every article
      of a rarer tag is a candidate and of a very common tag the newest ones;
    * the ``limit`` newest articles of the same category that share *no* tag
      (walks the ``article_category_publish`` index and stops early).

    The candidates' shared tags are then counted in full.
    """
    tag_ids = [tag.pk for tag in article.tag_list]
    sharing = TaggedArticle.objects.filter(
        content_object=OuterRef("pk"), tag_id__in=tag_ids
    )
    newest_in_category = (
        Article.objects.published()
        .filter(category_id=article.category_id)
        .exclude(pk=article.pk)
        .exclude(Exists(sharing))
        .order_by("-publish_at", "-pk")
        .values("pk")[:limit]
    )
    per_tag = max(1, candidates // max(1, len(tag_ids)))
    newest_with_tag = [
        TaggedArticle.objects.filter(tag_id=tag_id)
        .exclude(content_object_id=article.pk)
        .order_by("-content_object_id")
        .values("content_object_id")[:per_tag]
        for tag_id in tag_ids
    ]
    shared_tags = Subquery(
        sharing.order_by().values("content_object").annotate(n=Count("pk")).values("n"),
        output_field=IntegerField(),
    )
    same_category = Case(
        When(category_id=article.category_id, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    ranked = (
        Article.objects.published()
        .filter(pk__in=union_of([newest_in_category, *newest_with_tag]))
        .annotate(
            shared_tags=Coalesce(shared_tags, Value(0)), same_category=same_category
        )
        .order_by("-shared_tags", "-same_category", "-publish_at", "-pk")
    )
    return list(ranked.values_list("pk", flat=True)[:limit])


def union_of(querysets) -> RawSQL:
    """One ``IN`` list from several sliced one-column querysets.

    ``pk__in=a | pk__in=b`` would make SQLite build each set once per OR
    branch; a UNION of the compiled querysets is built once. Each part is
    wrapped in a derived table because SQLite allows no LIMIT in the parts of a
    compound SELECT.
    """
    compiled = [queryset.query.sql_with_params() for queryset in querysets]
    sql = " UNION ".join(
        f"SELECT * FROM ({part}) AS part{number}"
        for number, (part, _params) in enumerate(compiled)
    )
    return RawSQL(sql, tuple(param for _part, params in compiled for param in params))
