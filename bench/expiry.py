"""What a reader waits for when a cache expires (issue #19: no reader request
over 100 ms then), measured in one process on the benchmark's data.

The wrk runs are shorter than the caches' lifetimes, so they never see an
expiry; this does it on purpose, per page:

* each cache the page reads, emptied alone (with the whole-page copy, which
  would otherwise answer): the slowest of them is reported;
* a content change (the content version moves on, as with every save,
  comment or publication): every fragment of the page is rendered again;
* every cache emptied at once (a restart of the cache), the worst case.

Each case is timed three times and its slowest time reported. Run by
``bench/run.py`` after the rows, with the site's environment:
``python bench/expiry.py /pfad/ …``.
"""

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.cache import caches  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import ContentVersion  # noqa: E402

TIMES = 3


def family(key: str) -> str:
    """``template.cache.article-list.<md5>`` → ``article-list``;
    ``related-ids:12:…`` → ``related-ids``."""
    fragment = re.match(r"template\.cache\.(\S+?)\.[0-9a-f]{32}", key)
    if fragment:
        return fragment.group(1).strip('"')
    if key.startswith("views.decorators.cache."):
        return "cache_page"
    return re.split(r"[:.]", key)[0]


class ReadKeys:
    """The keys the default cache is asked for while it is installed."""

    def __init__(self, cache):
        self.cache, self.keys = cache, []
        self.get, self.get_many = cache.get, cache.get_many

    def __enter__(self):
        def get(key, *args, **kwargs):
            self.keys.append(key)
            return self.get(key, *args, **kwargs)

        def get_many(keys, *args, **kwargs):
            self.keys.extend(keys)
            return self.get_many(keys, *args, **kwargs)

        self.cache.get, self.cache.get_many = get, get_many
        return self

    def __exit__(self, *exc):
        self.cache.get, self.cache.get_many = self.get, self.get_many


def empty_every_cache() -> None:
    for alias in caches:
        caches[alias].clear()


def slowest(client: Client, path: str, prepare) -> float:
    times = []
    for _ in range(TIMES):
        prepare()
        caches["pages"].clear()
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    return max(times)


def measure(client: Client, path: str) -> str:
    default = caches["default"]
    with ReadKeys(default) as read:  # all of them: those inside others too
        slowest(client, path, empty_every_cache)
    client.get(path)  # every cache filled again
    families: dict[str, list[str]] = {}
    for key in dict.fromkeys(read.keys):
        families.setdefault(family(key), []).append(key)
    one_at_a_time = {
        name: slowest(client, path, lambda keys=keys: default.delete_many(keys))
        for name, keys in families.items()
    }
    worst = max(one_at_a_time, key=one_at_a_time.get, default="")
    change = slowest(
        client,
        path,
        lambda: ContentVersion.objects.update(number=F("number") + 1),
    )
    emptied = slowest(client, path, empty_every_cache)
    return (
        f"{path}: one cache expired {one_at_a_time.get(worst, 0):.0f} ms "
        f"(slowest: {worst or '—'}), after a content change {change:.0f} ms, "
        f"every cache emptied {emptied:.0f} ms"
    )


def main(paths: list[str]) -> None:
    host = os.environ.get("DJANGO_ALLOWED_HOSTS", "testserver").split(",")[0]
    client = Client(HTTP_HOST=host)
    for path in paths:
        print(measure(client, path), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
