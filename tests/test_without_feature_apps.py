"""Removing a feature app from INSTALLED_APPS leaves a working site without that
feature (shared/ARCHITECTURE.md): each one alone, and all three.

Every case runs in a process of its own (``tests.without_features.site_check``
on a fresh SQLite file), since an app registry cannot lose an app once loaded.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "/artikel/ohne-funktionen/"
# What each feature puts on the article page and the home page.
MARKERS = {
    "counters": [(ARTICLE, 'class="view-count"'), ("/", 'class="most-read"')],
    "ratings": [(ARTICLE, 'id="rating"')],
    "comments": [(ARTICLE, 'id="kommentare"')],
}


def site_without(features: list[str], tmp_path) -> dict:
    env = {
        **os.environ,
        "REDAKTION_WITHOUT": ",".join(features),
        "REDAKTION_DB": str(tmp_path / "site.sqlite3"),
    }
    env.pop("DATABASE_URL", None)  # the check runs on its own SQLite file
    finished = subprocess.run(
        [sys.executable, "-m", "tests.without_features.site_check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "removed",
    [[], ["ratings"], ["counters"], ["comments"], ["ratings", "counters", "comments"]],
    ids=["all-installed", "no-ratings", "no-counters", "no-comments", "none"],
)
def test_site_works_without_feature_apps(removed, tmp_path):
    pages = site_without(removed, tmp_path)
    failed = {
        path: page["status"] for path, page in pages.items() if page["status"] != 200
    }
    assert not failed, f"without {removed}: {failed}"
    for feature, markers in MARKERS.items():
        for path, marker in markers:
            shown = marker in pages[path]["html"]
            assert shown == (feature not in removed), (
                f"without {removed}: {feature}'s {marker} on {path}: {shown}"
            )
