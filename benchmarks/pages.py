"""Server time and SQL queries of the home page, guide pages and searches, with 5,000 extra
guides in both languages, measured through Django's test client.

    make bench                      # SQLite file in a temporary folder
    DATABASE_URL=postgres://… make bench
    BENCH_REQUESTS=500 make bench   # requests per page (default 200)
"""

import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import setup_django, temporary_database

EXTRA_GUIDES = 5_000
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
SEARCHES = [
    "mot de passe",
    "quota",
    "outlook",
    "ssl0.ovh.net",
    "reception",
    "comment changer mon mot de passe",
    "zzqxw introuvable",
]
TARGETS = "a miss ≤ 5 queries and under 10 ms; a new search p95 < 20 ms on SQLite"


@dataclass(frozen=True)
class Result:
    page: str
    requests: int
    p50_ms: float
    p95_ms: float
    queries: int


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test import Client, override_settings

    from guides.models import Guide
    from guides.views.page_cache import forget_pages

    with temporary_database():
        started = time.perf_counter()
        load_guides(count=EXTRA_GUIDES)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics a database in service has
        loaded = time.perf_counter() - started
        client = Client(SERVER_NAME="localhost")
        settings_guide = Guide.objects.get(language="fr", key="account-settings")
        generated = Guide.objects.filter(language="fr", key__startswith="bench-").last()
        results = [
            measure(client, "home /fr/", ["/fr/"]),
            measure(client, "guide: account settings", [settings_guide.get_absolute_url()]),
            measure(client, "guide: generated, with steps", [generated.get_absolute_url()]),
        ]
        # Misses: the first view after an edit (every cached page forgotten before each).
        results += [
            measure(client, f"{result.page} (miss)", [url], before_each=forget_pages)
            for result, url in zip(
                results,
                ["/fr/", settings_guide.get_absolute_url(), generated.get_absolute_url()],
                strict=True,
            )
        ]
        # A new query misses the page cache; what the search keeps (its vocabulary for
        # "did you mean") stays until something changes, so it is measured after an edit too.
        with override_settings(OVHPORTAL_PAGE_CACHE_SECONDS=0):
            results.append(measure(client, "search: 7 new queries", search_urls()))
        results.append(
            measure(client, "search: first after an edit", search_urls(), before_each=forget_pages)
        )
        total = Guide.objects.count()
    print(
        f"\nPages: {connection.vendor}, {total} guides ({EXTRA_GUIDES} generated in "
        f"{loaded:.0f} s), {REQUESTS} requests a page, Python {sys.version.split()[0]}"
    )
    print_table(results)
    print(f"Targets: {TARGETS}.")


def search_urls() -> list[str]:
    from urllib.parse import urlencode

    return [f"/fr/search/?{urlencode({'q': query})}" for query in SEARCHES]


def measure(client, page: str, urls: list[str], *, before_each=lambda: None) -> Result:
    """Queries of each URL counted once (the most of them reported), then REQUESTS timed
    requests going round the URLs, `before_each` called (untimed) before each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = 0
    for url in urls:
        client.get(url)  # warms the caches as a running server's would be
        before_each()
        with CaptureQueriesContext(connection) as captured:
            check(client.get(url), url)
        queries = max(queries, len(captured))
    durations = []
    for number in range(REQUESTS):
        url = urls[number % len(urls)]
        before_each()
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        check(response, url)
    percentiles = statistics.quantiles(durations, n=100, method="inclusive")
    return Result(
        page=page,
        requests=REQUESTS,
        p50_ms=statistics.median(durations),
        p95_ms=percentiles[94],
        queries=queries,
    )


def check(response, url: str) -> None:
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")


def print_table(results: list[Result]) -> None:
    print(f"{'page':<36} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for result in results:
        print(
            f"{result.page:<36} {result.requests:>8} {result.p50_ms:>8.1f} "
            f"{result.p95_ms:>8.1f} {result.queries:>8}"
        )


# Generated guides


def load_guides(*, count: int, seed: int = 2026) -> None:
    """bulk_create `count` published FAQ guides, alternately French and English, each with 2 to
    6 KB of Markdown made of the shipped guides' words and up to five steps; their HTML and
    search text made as for real guides."""
    from django.utils import timezone

    from guides.content.markdown import render_markdown
    from guides.content.placeholders import catalogue_values
    from guides.content.search.query import search_text
    from guides.models import Category, CategoryKind, Guide, GuideStatus, Step

    rng = random.Random(seed)  # noqa: S311 - repeatable test data, not secrets
    category = Category.objects.get(kind=CategoryKind.FAQ)
    words = {language: vocabulary(language) for language in ("fr", "en")}
    values = {language: catalogue_values(language=language) for language in ("fr", "en")}
    now = timezone.now()
    guides, all_steps = [], []
    for number in range(count):
        language = ("fr", "en")[number % 2]
        text = Writer(rng, words[language])
        body = text.markdown(size=rng.randint(2_000, 6_000))
        steps = [
            (text.sentence(3, 7), text.markdown(size=rng.randint(150, 600)))
            for _ in range(rng.randint(0, 5))
        ]
        guides.append(
            Guide(
                language=language,
                key=f"bench-{number}",
                slug=f"bench-{number}",
                category=category,
                title=text.sentence(4, 10)[:200],
                summary=text.sentence(10, 25)[:300],
                body=body,
                body_html=render_markdown(body, language=language),
                order=1_000 + number,
                status=GuideStatus.PUBLISHED,
                published_at=now,
                search_text=search_text(body=body, steps=steps, values=values[language]),
            )
        )
        all_steps.append(steps)
    Guide.objects.bulk_create(guides, batch_size=500)
    Step.objects.bulk_create(
        (
            Step(
                guide=guide,
                order=order,
                title=title,
                body=step_body,
                body_html=render_markdown(step_body, language=guide.language),
            )
            for guide, steps in zip(guides, all_steps, strict=True)
            for order, (title, step_body) in enumerate(steps, start=1)
        ),
        batch_size=1_000,
    )


def vocabulary(language: str) -> list[str]:
    """The words of the shipped guides in `language`, as often as they occur there."""
    folder = Path(__file__).resolve().parent.parent / "guides" / "content" / "data" / language
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md")))
    return re.findall(r"[^\W\d_]{2,}", text)


class Writer:
    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng, self.words = rng, words

    def sentence(self, shortest: int, longest: int) -> str:
        words = self.rng.choices(self.words, k=self.rng.randint(shortest, longest))
        return " ".join(words).capitalize() + "."

    def markdown(self, *, size: int) -> str:
        """Paragraphs, now and then a list or a bold phrase, until about `size` characters."""
        blocks, length = [], 0
        while length < size:
            if self.rng.random() < 0.2:
                block = "\n".join(f"- {self.sentence(3, 9)}" for _ in range(self.rng.randint(2, 5)))
            else:
                sentences = [self.sentence(6, 18) for _ in range(self.rng.randint(2, 5))]
                if self.rng.random() < 0.3:
                    sentences[0] = f"**{sentences[0][:-1]}**."
                block = " ".join(sentences)
            blocks.append(block)
            length += len(block) + 2
        return "\n\n".join(blocks)
