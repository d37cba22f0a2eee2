"""Articles the fault tests publish: many small valid ones over a few sources, plus a share of bad input.

Bodies are built from the project's own samples (``samples/articles.jsonl``) with a numbered sentence, so
every article is distinct, cheap to enrich and still goes through language, boilerplate and companies.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import orjson

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"
SOURCES = tuple(f"wire-{n}" for n in range(8))


@dataclass(frozen=True)
class Message:
    """One raw message: its key (the article id) and value, and whether it is meant to be dead-lettered."""

    key: bytes
    value: bytes
    source: str | None
    bad: bool


def _samples() -> list[dict]:
    return [orjson.loads(line) for line in SAMPLES.read_bytes().splitlines() if line.strip()]


def _bad_value(n: int) -> bytes:
    kinds = (
        b"this is not json {",
        b'["an", "array"]',
        orjson.dumps({"id": f"bad-{n}", "title": "no body"}),
        orjson.dumps({"id": f"bad-{n}", "body": {"nested": True}}),
        gzip.compress(b'{"body": "compressed"}'),
    )
    return kinds[n % len(kinds)]


def articles(count: int, *, prefix: str = "a", bad_every: int = 50) -> list[Message]:
    """``count`` raw messages keyed by id; every ``bad_every``-th one is bad input (0 for none)."""
    samples = _samples()
    out = []
    for n in range(count):
        key = f"{prefix}-{n:06d}"
        if bad_every and n % bad_every == bad_every - 1:
            out.append(Message(key.encode(), _bad_value(n), None, True))
            continue
        base = samples[n % len(samples)]
        source = SOURCES[n % len(SOURCES)]
        body = f"{base['body']}\nThis is report number {n} of the day."
        article = {**base, "id": key, "source": source, "title": f"{base.get('title', '')} ({n})", "body": body}
        article.pop("url", None)
        out.append(Message(key.encode(), orjson.dumps(article), source, False))
    return out


def by_source(messages: list[Message]) -> dict[str, int]:
    """How many valid articles each source has (what its learned ``articles`` count must reach)."""
    counts: dict[str, int] = {}
    for m in messages:
        if m.source is not None:
            counts[m.source] = counts.get(m.source, 0) + 1
    return counts
