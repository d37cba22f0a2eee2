"""What the stream learns per ``source``, kept in a Faust table so every worker shares it.

The table lives on the partitions of the by-source topic (articles are re-keyed by source before
enrichment), so all the counts of one source are owned by one worker at a time and recovered from the
table's changelog after a restart. Keys are ``"<source>\\x1f<line fingerprint>"`` -> number of the source's
articles containing that line, and ``"<source>\\x1f#meta"`` -> ``{"articles": n, "lines": distinct lines,
"languages": {code: n}}``. One key per line keeps each changelog message tiny; only short lines
(boilerplate candidates, as chosen by ``boilerplate.line_fingerprints``) are counted.

The functions take any mutable mapping: the worker passes its Faust table, ``newsstream enrich`` a dict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from . import pipeline
from .enrich import EMPTY_PROFILE, SourceProfile
from .enrich.boilerplate import line_fingerprints
from .pipeline import Origin, Outcome

SEP = "\x1f"
META = "#meta"


class LineCounts(Mapping[str, int]):
    """A read-only view of one source's line counts in the table, looked up line by line.

    The core asks only for the lines of the article at hand, so nothing is copied; the lines an article
    has are only known after HTML extraction, inside the core.
    """

    def __init__(self, table: Mapping[str, Any], source: str, distinct: int) -> None:
        self._table, self._prefix, self._distinct = table, source + SEP, distinct

    def __getitem__(self, fingerprint: str) -> int:
        count = self._table.get(self._prefix + fingerprint)
        if not count:
            raise KeyError(fingerprint)
        return count

    def __len__(self) -> int:
        return self._distinct

    def __iter__(self) -> Iterator[str]:  # a full scan: for inspection, never on the hot path
        meta = self._prefix + META
        return (k[len(self._prefix):] for k in list(self._table.keys()) if k.startswith(self._prefix) and k != meta)


def read_profile(table: Mapping[str, Any], source: str | None) -> SourceProfile:
    if not source:
        return EMPTY_PROFILE
    meta = table.get(source + SEP + META) or {}
    return SourceProfile(
        articles=int(meta.get("articles", 0)),
        line_counts=LineCounts(table, source, int(meta.get("lines", 0))),
        languages=dict(meta.get("languages", {})),
    )


def record_article(table: MutableMapping[str, Any], source: str | None, record: Mapping[str, Any]) -> None:
    """Count one more enriched article of ``source``: the short lines it had and its language."""
    if not source:
        return
    new_lines = 0
    for fp in article_fingerprints(record):
        key = source + SEP + fp
        count = table.get(key) or 0
        new_lines += count == 0
        table[key] = count + 1
    meta_key = source + SEP + META
    meta = dict(table.get(meta_key) or {})
    languages = dict(meta.get("languages", {}))
    language = record["language"]["code"]
    if language != "und":
        languages[language] = languages.get(language, 0) + 1
    meta["articles"] = int(meta.get("articles", 0)) + 1
    meta["lines"] = int(meta.get("lines", 0)) + new_lines
    meta["languages"] = languages
    table[meta_key] = meta


def article_fingerprints(record: Mapping[str, Any]) -> set[str]:
    """The lines of the article as received: the body, or for HTML input the extracted lines and the removed."""
    if record.get("body"):
        return line_fingerprints(record["body"])
    return line_fingerprints("\n".join([record["text"], *record["boilerplate"]["removed"]]))


def enrich_learning(
    table: MutableMapping[str, Any],
    article: dict[str, Any],
    data: bytes | None,
    origin: Origin,
    *,
    time_budget_s: float | None = None,
    timings: dict[str, float] | None = None,
) -> Outcome:
    """Enrich with what the table knows of the article's source, then count the article into it."""
    source = article.get("source")
    outcome = pipeline.enrich_article(
        article, data, origin, profile=read_profile(table, source), time_budget_s=time_budget_s, timings=timings
    )
    if not outcome.dead:
        record_article(table, source, outcome.record)
    return outcome
