"""What each app adds to the demo magazine and to the benchmark data.

``seed_demo`` and ``bench_data`` make the articles, authors and categories;
each feature app adds its own rows in a module named ``demo.py``, which both
commands find themselves (``discover``)::

    from demo.registry import bench_data, demo_data

    @demo_data
    def add_demo_votes(*, articles, users, stdout) -> None:
        ...  # idempotent: seed_demo runs again on every ``make run``

    @bench_data("votes", order=30)
    def add_votes(*, rng, size, now, article_ids, featured) -> str:
        ...  # bulk inserts; returns a one-line note for the report

An app that is not installed adds nothing, and the rest still works.
"""

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

DemoStep = Callable[..., None]
BenchStep = Callable[..., str]

_demo_steps: list[DemoStep] = []
_bench_steps: dict[str, tuple[int, BenchStep]] = {}


def demo_data(step: DemoStep) -> DemoStep:
    """``step(*, articles, users, stdout)`` runs in ``seed_demo``'s transaction
    after the demo articles exist (``articles`` in ``demo.content`` order,
    ``users`` by user name)."""
    if step not in _demo_steps:
        _demo_steps.append(step)
    return step


def bench_data(label: str, *, order: int = 50) -> Callable[[BenchStep], BenchStep]:
    """``step(*, rng, size, now, article_ids, featured) -> note`` runs after the
    benchmark articles exist: ``size`` is the ``demo.bench.Scale``,
    ``article_ids`` all articles oldest first (drafts included), ``featured``
    the article the benchmark requests."""

    def register(step: BenchStep) -> BenchStep:
        _bench_steps[label] = (order, step)
        return step

    return register


def discover() -> None:
    autodiscover_modules("demo")


def demo_steps() -> list[DemoStep]:
    discover()
    return list(_demo_steps)


def bench_steps() -> list[tuple[str, BenchStep]]:
    discover()
    ordered = sorted(_bench_steps.items(), key=lambda item: item[1][0])
    return [(label, step) for label, (_order, step) in ordered]
