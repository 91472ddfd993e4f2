"""Real threads against the real database (SQLite with IMMEDIATE
transactions, PostgreSQL with the row lock): of several people saving the
same opened version at once, exactly one wins; nobody's save is lost silently."""

import pytest
from django.test import Client

from articles.models import Article
from articles.newsroom.versions import version_of
from tests.articles.newsroom.test_versions import change_url, edit
from tests.factories import ArticleFactory, StaffFactory
from tests.ratings.test_concurrency import run_at_once

PEOPLE = 6


@pytest.mark.django_db(transaction=True)
def test_of_simultaneous_saves_of_one_version_exactly_one_wins():
    article = ArticleFactory(status=Article.Status.DRAFT, publish_at=None)
    opened_on = version_of(article)
    users = [
        StaffFactory(username=f"redakteur{n}", is_superuser=True) for n in range(PEOPLE)
    ]

    def save(number: int) -> int:
        client = Client()
        client.force_login(users[number])
        response = client.post(
            change_url(article), edit(article, opened_on, title=f"Fassung {number}")
        )
        return response.status_code

    results = run_at_once(PEOPLE, save)

    assert sorted(results) == [200] * (PEOPLE - 1) + [302], results
    winner = results.index(302)
    assert Article.objects.get(pk=article.pk).title == f"Fassung {winner}"
