"""Renaming a tag or an author used by many articles re-indexes them in a job
(``articles.search_index``), not in the request that renamed it."""

import pytest
from django.test import override_settings
from django_q.conf import Conf
from django_q.models import OrmQ

from articles.models import Tag
from articles.search_index import BULK_REINDEX_IN_JOB, search_index_job
from authors.models import Author
from discovery.search import search_articles
from tests.articles.bulk import bulk_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    # 1,400 articles: each of the 20 tags on 210 of them, each of the 10
    # authors on 140.
    bulk_articles(1400)
    tag = Tag.objects.get(slug="thema-0")
    author = Author.objects.first()
    assert tag.tagged_articles.count() > BULK_REINDEX_IN_JOB
    assert author.bylines.count() <= BULK_REINDEX_IN_JOB
    return tag, author


@override_settings(JOBS_WORKER=True)
def test_renaming_a_tag_of_many_articles_queues_a_job(
    many, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(Conf, "SYNC", False)
    tag, _author = many
    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "Kreislaufwirtschaft"
        tag.save()
    assert not search_articles("Kreislaufwirtschaft").exists()  # not yet
    (queued,) = OrmQ.objects.all()
    assert queued.func() == "articles.search_index.search_index_job"
    assert search_index_job(*queued.args()) == 210  # what the worker runs
    assert search_articles("Kreislaufwirtschaft").count() == 210
    assert search_index_job(*queued.args()) == 210  # safe to run twice


@override_settings(JOBS_WORKER=True)
def test_renaming_an_author_of_few_articles_reindexes_at_once(
    many, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(Conf, "SYNC", False)
    _tag, author = many
    with django_capture_on_commit_callbacks(execute=True):
        author.last_name = "Zugspitzler"
        author.save()
        assert search_articles("Zugspitzler").count() == 140  # in the request
    assert not OrmQ.objects.exists()


def test_without_a_worker_the_bulk_reindex_runs_after_the_commit(
    many, django_capture_on_commit_callbacks
):
    tag, _author = many
    with django_capture_on_commit_callbacks(execute=True):
        tag.name = "Kreislaufwirtschaft"
        tag.save()
        assert not search_articles("Kreislaufwirtschaft").exists()
    assert search_articles("Kreislaufwirtschaft").count() == 210
    assert not OrmQ.objects.exists()
