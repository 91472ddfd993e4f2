"""Measure ``import_wordpress`` on a synthetic export. Not a test; numbers for
the README and the report.

    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/wp-bench.sqlite3 \\
        .venv/bin/python manage.py migrate
    DJANGO_DEBUG=1 DATABASE_URL=sqlite:////tmp/wp-bench.sqlite3 \\
        DJANGO_MEDIA_ROOT=/tmp/wp-bench-media .venv/bin/python bench/wordpress_import.py

Writes an export with ``BENCH_POSTS`` posts (default 2,000) and
``BENCH_COMMENTS`` comments per post (default 10) to a temporary file, imports
it, then imports it again (nothing changed: every post is skipped). Prints the
file size, the time of each run and the process's peak memory (max RSS). Use a
scratch database: the posts stay in it.
"""

import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from tests.wordpress_import.test_streaming import write_export  # noqa: E402

POSTS = int(os.environ.get("BENCH_POSTS", 2000))
COMMENTS = int(os.environ.get("BENCH_COMMENTS", 10))


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        export = write_export(Path(folder) / "export.xml", POSTS, COMMENTS)
        size = export.stat().st_size / 1_000_000
        print(f"export: {POSTS} posts, {POSTS * COMMENTS} comments, {size:.1f} MB")
        print(f"memory before: {max_rss_mb():.0f} MB max RSS")
        for label in ("first run", "second run"):
            out = io.StringIO()
            start = time.perf_counter()
            call_command("import_wordpress", str(export), stdout=out, stderr=out)
            seconds = time.perf_counter() - start
            print(f"{label}: {seconds:.1f} s, {max_rss_mb():.0f} MB max RSS")
            posts = [line for line in out.getvalue().splitlines() if "posts " in line]
            print("   ", posts[0].strip() if posts else out.getvalue()[-300:])


if __name__ == "__main__":
    main()
