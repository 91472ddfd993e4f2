"""The generic parts of the benchmark data (``manage.py bench_data``): the
scales, deterministic German-looking text, and a timer for the report. The
feature apps' ``demo.py`` use them for their rows."""

import random
import time
from dataclasses import dataclass

# The article every article-page run of the benchmark requests: the newest one,
# about 1,500 words, two authors, five tags, in the first category.
FEATURED_SLUG = "benchmark-artikel"
FEATURED_WORDS = 1500
FEATURED_COMMENTS = 20  # approved, threaded (comments/demo.py)


@dataclass(frozen=True)
class Scale:
    articles: int
    authors: int
    categories: int
    tags: int
    days: int  # articles are spread over this many days before now
    comments: int  # approved; plus FEATURED_COMMENTS on the featured article
    view_days: int  # daily view counts per article, this many days back
    votes: int


SCALES = {
    # For the test suite: checks the generator still works.
    "tiny": Scale(
        articles=40,
        authors=5,
        categories=4,
        tags=20,
        days=30,
        comments=100,
        view_days=3,
        votes=50,
    ),
    "small": Scale(
        articles=1_000,
        authors=20,
        categories=8,
        tags=200,
        days=365,
        comments=10_000,
        view_days=30,
        votes=2_000,
    ),
    # The scale: 100,000 articles, 1,000,000 comments, 30 days of daily
    # view counts for every article, 200,000 votes.
    "large": Scale(
        articles=100_000,
        authors=300,
        categories=10,
        tags=5_000,
        days=3_650,
        comments=1_000_000,
        view_days=30,
        votes=200_000,
    ),
}

BATCH = 2_000  # rows per INSERT (Django lowers it further where SQLite needs it)

_WORD_TEXT = (
    "Vertrieb Mittelstand Kunden Angebot Preis Markt Unternehmen Technik Software "
    "Daten Plattform Lieferkette Fachkräfte Führung Arbeit Zukunft Strategie Umsatz "
    "Qualität Service Beratung Produktion Maschinenbau Digitalisierung Entwicklung "
    "Projekt Team Erfahrung Wettbewerb Branche Region Wachstum Investition Kosten "
    "Innovation Sicherheit Verantwortung Energie Nachhaltigkeit Ausbildung Praxis "
    "und oder aber denn weil wenn dass sich nicht auch noch schon immer wieder "
    "mehr weniger schnell langsam deutlich einfach wichtig neue große kleine "
    "erste letzte viele wenige eigene gemeinsame der die das ein eine mit für "
    "über unter zwischen nach vor bei aus von zu im am"
)
_NAME_TEXT = (
    "Anna Lukas Marie Jonas Sophie Felix Lena Paul Laura Leon Julia Tim Katharina "
    "Moritz Hannah Niklas Clara David Emilia Jan Sarah Tobias Lea Simon Johanna"
)
_SURNAME_TEXT = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann "
    "Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann "
    "Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Brückner Lehmann"
)
WORDS = _WORD_TEXT.split()
NOUNS = [word for word in WORDS if word[0].isupper()]
FIRST_NAMES = _NAME_TEXT.split()
LAST_NAMES = _SURNAME_TEXT.split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    parts, left = [], words
    while left > 0:
        length = min(left, rng.randint(8, 20))
        parts.append(sentence(rng, length))
        left -= length
    return " ".join(parts)


def body_html(rng: random.Random, words: int) -> str:
    """An article body of about ``words`` words with the markup journalists use:
    paragraphs, subheadings, emphasis, a list and a link."""
    blocks, left, index = [], words, 0
    while left > 0:
        if index and index % 4 == 0:
            blocks.append(f"<h2>{sentence(rng, 4)[:-1]}</h2>")
        if index == 2:
            items = "".join(f"<li>{sentence(rng, 6)}</li>" for _ in range(3))
            blocks.append(f"<ul>{items}</ul>")
            left -= 18
        length = min(left, rng.randint(50, 110))
        text = paragraph(rng, length)
        if index == 1:
            text += ' Mehr dazu <a href="https://example.org/studie">in der Studie</a>.'
        if index == 3:
            text = f"<strong>{text[:40]}</strong>{text[40:]}"
        blocks.append(f"<p>{text}</p>")
        left -= length
        index += 1
    return "".join(blocks)


def pick_tags(rng: random.Random, tags: list[int], weights, count: int) -> set[int]:
    """``count`` different tags, popular ones (low rank) more often."""
    chosen: set[int] = set()
    count = min(count, len(tags))
    while len(chosen) < count:
        chosen.update(rng.choices(tags, weights, k=count - len(chosen)))
    return chosen


def timed(stdout, label: str):
    """Context manager printing how long a step took."""

    class _Timer:
        def __enter__(self):
            self.start = time.perf_counter()
            return self

        def __exit__(self, *exc):
            if exc[0] is None:
                seconds = time.perf_counter() - self.start
                stdout.write(f"  {label:<28} {seconds:7.1f} s")

    return _Timer()
