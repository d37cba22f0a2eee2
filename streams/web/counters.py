"""Cluster-wide counters, one entry per source partition, each written by the partition's owner only.

Plain Python: :class:`PartitionCounters` works on any mutable mapping (a dict in tests, the Faust
GlobalTable in the worker, see :mod:`streams.web.cluster`). Why it is built this way:

* A key per (stage, source partition), e.g. ``"enrich/3"``: a partition has one consuming worker at a time,
  so every key has a single writer and no two workers ever race on a read-modify-write.
* The writer keeps its own keys' values in memory and writes whole snapshots. The table is only read to
  seed a key when this worker starts owning it (after a rebalance), so an older copy of its own write that
  comes back through the changelog can never roll a counter back. Counts only grow, so a key that comes
  back to this worker after a rebalance is seeded with the larger of its own last value and the table's:
  the table may still lag behind this worker's own writes (every rebalance revokes everything first).
* Every worker reads every key and adds them up: the cluster totals are the sum over partitions.
* In the worker (``write_through=False``) a count only changes the entry in memory; :meth:`flush` writes
  each changed key once, and the worker calls it before every offset commit and when partitions are
  revoked. A write per message was two changelog records per article (intake and enrich).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any


def empty_entry() -> dict[str, Any]:
    return {"in": 0, "enriched": 0, "dead": 0, "dead_by_error": {}, "languages": {}, "writer": None}


class PartitionCounters:
    """This worker's writer for the keys of the partitions it owns."""

    def __init__(self, table: MutableMapping[str, Any], writer: str, *, write_through: bool = True) -> None:
        self.table = table
        self._writer = writer
        self._write_through = write_through
        self._owned: dict[str, dict[str, Any]] = {}
        self._before_rebalance: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()

    @property
    def writer(self) -> str:
        """Who writes this worker's keys (shown next to each partition's counts)."""
        return self._writer

    def received(self, partition: int) -> None:
        entry = self._entry(f"intake/{partition}")
        entry["in"] += 1
        self._write(f"intake/{partition}", entry)

    def outcome(self, stage: str, partition: int, summary: Mapping[str, Any], *, dead: bool) -> None:
        key = f"{stage}/{partition}"
        entry = self._entry(key)
        if dead:
            entry["dead"] += 1
            code = str(summary.get("error") or "unknown")
            entry["dead_by_error"][code] = entry["dead_by_error"].get(code, 0) + 1
        else:
            entry["enriched"] += 1
            language = str(summary.get("language") or "und")
            entry["languages"][language] = entry["languages"].get(language, 0) + 1
        self._write(key, entry)

    def flush(self) -> int:
        """Write every key counted since the last flush; how many were written."""
        dirty, self._dirty = self._dirty, set()
        for key in dirty:
            entry = self._owned.get(key)
            if entry is not None:
                entry["writer"] = self.writer
                self.table[key] = copy.deepcopy(entry)
        return len(dirty)

    def forget_ownership(self) -> None:
        """After a rebalance: reseed from the table next time, since another worker may have written since."""
        self.flush()
        self._before_rebalance.update(self._owned)
        self._owned.clear()

    def _entry(self, key: str) -> dict[str, Any]:
        entry = self._owned.get(key)
        if entry is None:
            entry = _largest(_normalised(self.table.get(key)), self._before_rebalance.pop(key, None))
            self._owned[key] = entry
        return entry

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        self._dirty.add(key)
        if self._write_through:
            self.flush()


def aggregate(entries: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Cluster totals from every partition's entry (the ``cluster`` part of ``/news/stats``)."""
    totals = {"in": 0, "enriched": 0, "dead": 0}
    dead_by_error: dict[str, int] = {}
    languages: dict[str, int] = {}
    partitions: dict[str, dict[str, Any]] = {}
    for key, raw in entries:
        entry = _normalised(raw)
        for field in totals:
            totals[field] += entry[field]
        for code, n in entry["dead_by_error"].items():
            dead_by_error[code] = dead_by_error.get(code, 0) + n
        for code, n in entry["languages"].items():
            languages[code] = languages.get(code, 0) + n
        partitions[str(key)] = {f: entry[f] for f in ("in", "enriched", "dead", "writer")}
    return {
        "totals": totals,
        "dead_by_error": dict(sorted(dead_by_error.items(), key=lambda i: (-i[1], i[0]))),
        "languages": dict(sorted(languages.items(), key=lambda i: (-i[1], i[0]))),
        "partitions": dict(sorted(partitions.items())),
    }


def _largest(entry: dict[str, Any], other: Mapping[str, Any] | None) -> dict[str, Any]:
    """Field by field, the larger of two copies of one key's (only ever growing) counts."""
    if other is None:
        return entry
    for field in ("in", "enriched", "dead"):
        entry[field] = max(entry[field], other[field])
    for field in ("dead_by_error", "languages"):
        for code, n in other[field].items():
            entry[field][code] = max(entry[field].get(code, 0), n)
    return entry


def _normalised(value: Any) -> dict[str, Any]:
    """A well-formed entry from whatever the table holds (missing, older shape, or damaged)."""
    entry = empty_entry()
    if not isinstance(value, Mapping):
        return entry
    for field in ("in", "enriched", "dead"):
        if isinstance(value.get(field), int):
            entry[field] = value[field]
    for field in ("dead_by_error", "languages"):
        if isinstance(value.get(field), Mapping):
            entry[field] = {str(k): v for k, v in value[field].items() if isinstance(v, int)}
    entry["writer"] = value.get("writer") if isinstance(value.get("writer"), str) else None
    return entry
