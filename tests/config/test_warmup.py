"""A gunicorn worker's warm-up before its first request (config/warmup.py)."""

import logging
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import get_template

from config.warmup import reader_template_names, worker_warm
from tests.config.test_database_outage import database_unreachable
from tests.servers import gunicorn


def compiled_templates() -> set[str]:
    [loader] = engines["django"].engine.template_loaders  # the cached loader
    return set(loader.get_template_cache)  # keyed by name


@pytest.fixture
def cold_templates():
    [loader] = engines["django"].engine.template_loaders
    loader.reset()
    yield
    loader.reset()


def test_the_reader_templates_are_those_of_the_project_not_of_the_staff():
    names = reader_template_names()
    assert "base.html" in names
    assert "articles/article_detail.html" in names
    assert "discovery/search.html" in names  # an app's own folder
    assert not [name for name in names if name.startswith(("admin/", "registration/"))]
    # Each is the project's own file (not an installed library's).
    for name in names:
        assert Path(get_template(name).origin.name).is_relative_to(settings.BASE_DIR)


@pytest.mark.django_db
def test_the_warm_up_compiles_every_reader_template(cold_templates):
    assert "articles/article_detail.html" not in compiled_templates()
    assert worker_warm() == len(reader_template_names())
    assert set(reader_template_names()) <= compiled_templates()


@pytest.mark.django_db(transaction=True)
def test_a_database_that_is_down_does_not_stop_the_warm_up(cold_templates, caplog):
    with database_unreachable(), caplog.at_level(logging.WARNING, "config.warmup"):
        assert worker_warm() == len(reader_template_names())
    assert "Warm-up step _database failed" in caplog.text
    assert set(reader_template_names()) <= compiled_templates()


@pytest.mark.django_db(transaction=True)
def test_every_gunicorn_worker_warms_up_before_its_first_request():
    with gunicorn(workers=2) as site:
        assert site.get("/robots.txt").status == 200
        # The other worker may still be warming up (not a time limit: a bound
        # on the wait for its log line).
        for _ in range(300):
            log = site.log.read_text()
            if log.count("Warmed up for readers:") == 2:
                break
            time.sleep(0.1)
    assert log.count("Warmed up for readers:") == 2, log
    assert "Warm-up step" not in log
