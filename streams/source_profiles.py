"""What the stream learns per ``source``: kept in memory, written to a table as one value per source.

The table (a Faust table in the worker, a dict offline) lives on the partitions of the by-source topic:
articles are re-keyed by source before enrichment, so all of a source's counts are owned by one worker at
a time and recovered from the table's changelog after a restart or a rebalance.

Why one value per source, written at commit time: counting an article touches every short line it has
(19 on average for a 3 KB news page, up to 400), and a Faust table turns every key write into its own
changelog record and producer send. One key per line made each article cost about 20 Kafka writes, most
of a loaded worker's time. Here an article only changes the source's profile in memory and marks it
dirty; :meth:`SourceProfiles.flush` writes each dirty source once, and the worker calls it when Faust is
about to commit offsets (a sensor, wired in ``app.py``) and when partitions are revoked. Faust flushes
the producer before it commits, so every committed article's counts are in the changelog first: a crash
costs the learned counts nothing that a redelivery does not count again (after a crash counts can only
come out higher, by the redelivered articles, as before). Writes are O(1) per source per commit interval,
whatever an article's length.

The value: ``{"articles": n, "languages": {code: n}, "lines": {fingerprint: [count, first_seen]}}``, where
``first_seen`` is the source's article number when the line was first counted. Only lines seen in at least
two articles are written (:data:`PERSIST_MIN_COUNT`): a line seen once is most of what a source prints
(every short content line) and none of what it repeats, so the value written at each commit stays the
size of the source's template, a few KB, instead of every short line of its recent articles. Lines that
stay rare are pruned in memory too (under :data:`PRUNE_SHARE` of the articles since they first appeared,
checked every :data:`PRUNE_EVERY` articles), so memory stays bounded by the template plus the short lines of
about the last :data:`PRUNE_MIN_AGE` articles. What a restart forgets is the lines seen once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .enrich import EMPTY_PROFILE, SourceProfile
from .enrich.boilerplate import FINGERPRINT_MAX_LINES, line_fingerprints
from .enrich.boilerplate_lines import PARSE_CACHE_SIZE

#: Prune a source's rare lines every this many of its articles ...
PRUNE_EVERY = 20
#: ... dropping lines seen in fewer than this share of the articles since they first appeared (a template
#: line must reach 0.3 of all articles, see ``boilerplate.MIN_SHARE``) ...
PRUNE_SHARE = 0.1
#: ... once they have been around for at least this many articles.
PRUNE_MIN_AGE = 20
#: Sources kept in memory after a flush; the least recently met beyond this are dropped (their value is in the
#: table, on disk with the RocksDB store) and read again when met. What a drop forgets, as a restart does, is
#: the lines the source printed only once.
MAX_SOURCES_IN_MEMORY = 20_000
#: Lines seen in fewer articles than this are kept in memory only, not written to the table.
PERSIST_MIN_COUNT = 2


@dataclass
class _Learned:
    """One source's counts, mutable, in memory."""

    articles: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)  # fingerprint -> [count, first seen]
    partition: int = 0

    @classmethod
    def from_value(cls, value: Mapping[str, Any] | None, partition: int) -> _Learned:
        value = value or {}
        lines = {fp: [int(c), int(f)] for fp, (c, f) in (value.get("lines") or {}).items()}
        return cls(int(value.get("articles", 0)), dict(value.get("languages") or {}), lines, partition)

    def value(self) -> dict[str, Any]:
        return {"articles": self.articles, "languages": dict(self.languages),
                "lines": {fp: list(entry) for fp, entry in self.lines.items() if entry[0] >= PERSIST_MIN_COUNT}}

    def prune(self) -> None:
        now = self.articles
        self.lines = {
            fp: entry for fp, entry in self.lines.items()
            if now - entry[1] < PRUNE_MIN_AGE or entry[0] >= PRUNE_SHARE * (now - entry[1] + 1)
        }


class LineCounts(Mapping[str, int]):
    """The core's read-only view of one source's line counts."""

    def __init__(self, lines: Mapping[str, list[int]]) -> None:
        self._lines = lines

    def __getitem__(self, fingerprint: str) -> int:
        return self._lines[fingerprint][0]

    def get(self, fingerprint: str, default: Any = None) -> Any:
        # Mapping.get would raise and catch a KeyError for every line the source has not printed before
        # (most of an article's lines): 1.4 µs a miss, looked up for every line of every article
        entry = self._lines.get(fingerprint)
        return default if entry is None else entry[0]

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self._lines

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)


class SourceProfiles:
    """The per-source profiles of the sources this worker has met since it was last assigned partitions.

    ``write_through`` writes a source's value on every count (for a dict, as ``newsstream enrich`` uses);
    the worker leaves it off and calls :meth:`flush` before every offset commit.
    """

    def __init__(self, table: MutableMapping[str, Any], *, write_through: bool = False,
                 max_sources: int = MAX_SOURCES_IN_MEMORY) -> None:
        self.table = table
        self.write_through = write_through
        self.max_sources = max_sources
        self._learned: dict[str, _Learned] = {}  # least recently met first
        self._dirty: set[str] = set()

    def profile(self, source: str | None, partition: int = 0) -> SourceProfile:
        """What is known of ``source``, read from the table the first time it is met."""
        if not source:
            return EMPTY_PROFILE
        learned = self._get(source, partition)
        return SourceProfile(articles=learned.articles, line_counts=LineCounts(learned.lines),
                             languages=dict(learned.languages))

    def count(self, source: str | None, record: Mapping[str, Any], partition: int = 0) -> None:
        """Count one more enriched article of ``source``: the short lines it had and its language."""
        if not source:
            return
        learned = self._get(source, partition)
        learned.articles += 1
        for fp in article_fingerprints(record):
            entry = learned.lines.get(fp)
            if entry is None:
                learned.lines[fp] = [1, learned.articles]
            else:
                entry[0] += 1
        language = record["language"]["code"]
        if language != "und":
            learned.languages[language] = learned.languages.get(language, 0) + 1
        if learned.articles % PRUNE_EVERY == 0:
            learned.prune()
        self._dirty.add(source)
        if self.write_through:
            self.flush()

    def flush(self) -> int:
        """Write every source counted since the last flush, one value each; how many were written."""
        dirty, self._dirty = self._dirty, set()
        for source in dirty:
            self.table[source] = self._learned[source].value()
        for source in list(itertools.islice(self._learned, max(0, len(self._learned) - self.max_sources))):
            del self._learned[source]
        return len(dirty)

    def forget(self) -> None:
        """After partitions are revoked: another worker may own these sources next, read them anew."""
        self._learned.clear()
        self._dirty.clear()

    def partition_of(self, source: str) -> int | None:
        """The by-source partition a source was met on (its changelog partition)."""
        learned = self._learned.get(source)
        return None if learned is None else learned.partition

    def _get(self, source: str, partition: int) -> _Learned:
        learned = self._learned.pop(source, None)
        if learned is None:
            learned = _Learned.from_value(self.table.get(source), partition)
        self._learned[source] = learned  # (again) the most recently met
        learned.partition = partition
        return learned


def article_fingerprints(record: Mapping[str, Any]) -> set[str]:
    """The lines of the article as received: the body, or for HTML input the extracted lines and the removed.

    The same set as ``line_fingerprints`` of that text, taken line by line through a cache: a source's
    template lines come back in every article, and stripping and fingerprinting each line again was most
    of the cost of counting an article (profiled under load).
    """
    body = record.get("body")
    text = body or "\n".join([record["text"], *record["boilerplate"]["removed"]])
    keys = set(map(_line_key, text.splitlines()[:FINGERPRINT_MAX_LINES]))
    keys.discard(None)
    return keys  # type: ignore[return-value]


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _line_key(line: str) -> str | None:
    """The fingerprint ``line_fingerprints`` counts for one line (without line breaks), or None."""
    found = line_fingerprints(line)
    return next(iter(found)) if found else None
