import pytest

from articles.models import Article
from articles.newsroom.versions import version_of
from ratings import services
from ratings.models import RatingSummary, Vote
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def vote(article, *scores):
    for number, score in enumerate(scores):
        services.rating_set(article=article, voter=f"voter-{number}", score=score)


def test_editor_switches_ratings_off_in_the_article_form(client, editor, article):
    client.force_login(editor)
    url = f"/admin/articles/article/{article.pk}/change/"
    page = client.get(url).content.decode()
    assert "Bewertungen eingeschaltet" in page
    assert 'name="rating_summary-0-enabled"' in page

    data = article_form(
        article.category,
        title=article.title,
        slug=article.slug,
        status=Article.Status.PUBLISHED,
        publish_at_0="15.06.2012",
        publish_at_1="10:30:00",
        **{
            "bylines-TOTAL_FORMS": "0",
            "rating_summary-TOTAL_FORMS": "1",
            "rating_summary-0-article": str(article.pk),
            # an unchecked checkbox is simply absent
            # The version the form was opened on: a save on top of a newer
            # one is refused (articles/newsroom/versions.py).
            "loaded_version": version_of(article),
        },
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert RatingSummary.objects.get(article=article).enabled is False
    assert (
        client.post(f"/artikel/{article.slug}/bewerten/", {"score": 5}).status_code
        == 403
    )


def test_new_article_can_start_with_ratings_off(client, editor):
    client.force_login(editor)
    inline = {"rating_summary-TOTAL_FORMS": "1", "rating_summary-0-enabled": "on"}
    # Left as it is (checked), the inline saves nothing: ratings are on by default.
    data = article_form(CategoryFactory(), **inline)
    assert client.post("/admin/articles/article/add/", data).status_code == 302
    assert not RatingSummary.objects.exists()

    del inline["rating_summary-0-enabled"]  # unchecked
    data = article_form(CategoryFactory(), title="Ohne Sterne", **inline)
    assert client.post("/admin/articles/article/add/", data).status_code == 302
    summary = RatingSummary.objects.get()
    assert summary.article.title == "Ohne Sterne"
    assert summary.enabled is False


def test_article_list_shows_the_rating_without_a_query_per_row(
    client, editor, django_assert_max_num_queries
):
    rated = ArticleFactory(title="Bewerteter Artikel")
    vote(rated, 5, 4)
    for _ in range(5):
        vote(ArticleFactory(), 3)
    client.force_login(editor)

    with django_assert_max_num_queries(12):
        page = client.get("/admin/articles/article/").content.decode()
    with django_assert_max_num_queries(12):
        client.get("/admin/articles/article/")
    for _ in range(5):
        vote(ArticleFactory(), 2)
    with django_assert_max_num_queries(12):
        client.get("/admin/articles/article/")

    assert '<th scope="col" class="column-rating_column">' in page
    assert "4,5 (2)" in page


def test_summary_page_shows_scores_and_no_voter(client, editor, article):
    vote(article, 5, 5, 3)
    client.force_login(editor)

    page = client.get(
        f"/admin/ratings/ratingsummary/{article.pk}/change/"
    ).content.decode()
    votes = client.get(
        f"/admin/ratings/vote/?article__id__exact={article.pk}"
    ).content.decode()

    assert "5 ★: 2" in page and "3 ★: 1" in page and "1 ★: 0" in page
    for stored in Vote.objects.all():
        assert stored.voter not in page + votes
    assert votes.count('class="field-score"') == 3
    assert "voter" not in votes


def test_votes_cannot_be_added_changed_or_deleted_in_the_admin(client, editor, article):
    vote(article, 4)
    pk = Vote.objects.get().pk
    client.force_login(editor)

    assert client.get("/admin/ratings/vote/add/").status_code == 403
    assert client.post(f"/admin/ratings/vote/{pk}/delete/").status_code == 403
    page = client.get(f"/admin/ratings/vote/{pk}/change/")
    assert page.status_code == 200
    assert 'name="score"' not in page.content.decode()


def test_editor_resets_the_ratings_of_an_article(client, editor, article):
    other = ArticleFactory()
    vote(article, 5, 4, 1)
    vote(other, 2)
    client.force_login(editor)

    response = client.post(
        "/admin/ratings/ratingsummary/",
        {"action": "reset_ratings", "_selected_action": [article.pk]},
        follow=True,
    )

    assert "Bewertungen zurückgesetzt: 3 Stimmen gelöscht." in response.content.decode()
    summary = RatingSummary.objects.get(article=article)
    assert (summary.count, summary.total) == (0, 0)
    assert not Vote.objects.filter(article=article).exists()
    assert RatingSummary.objects.get(article=other).count == 1


def test_journalists_see_no_ratings_admin(client, journalist):
    client.force_login(journalist)

    assert client.get("/admin/ratings/ratingsummary/").status_code == 403
    assert client.get("/admin/ratings/vote/").status_code == 403
    page = client.get("/admin/articles/article/add/").content.decode()
    assert "rating_summary-TOTAL_FORMS" not in page
