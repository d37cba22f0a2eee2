"""Count what came out of a stream: every raw key must end enriched or dead-lettered, and nothing half-written.

The ledger reads the enriched and dead-letter topics from the beginning (optionally ``read_committed``, for
the exactly-once runs), parses and schema-checks every record, and keeps how often each key came out, so a
test can tell lost, duplicated and malformed outputs apart. Results are appended as JSON lines to
``$NEWSSTREAM_FAULTS_REPORT`` (when set) for ``bench/reliability.py`` to print.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from streams import records


@dataclass
class Ledger:
    """Outputs of one stream, by raw key."""

    enriched: Counter[bytes] = field(default_factory=Counter)
    dead: Counter[bytes] = field(default_factory=Counter)
    dead_codes: Counter[str] = field(default_factory=Counter)
    malformed: list[str] = field(default_factory=list)
    first_seen: dict[bytes, float] = field(default_factory=dict)
    source_of: dict[bytes, str] = field(default_factory=dict)

    def add(self, topic_kind: str, key: bytes | None, value: bytes | None) -> None:
        try:
            record = orjson.loads(value) if value is not None else None
            if topic_kind == "enriched":
                records.validator(records.ENRICHED_SCHEMA)(record)
                if key != record["id"].encode():
                    raise ValueError(f"key {key!r} is not the record id {record['id']!r}")
            else:
                records.validator(records.DEAD_LETTER_SCHEMA)(record)
        except Exception as exc:
            self.malformed.append(f"{topic_kind} {key!r}: {type(exc).__name__}: {exc}"[:300])
            return
        k = key if key is not None else b""
        self.first_seen.setdefault(k, time.monotonic())
        if topic_kind == "enriched":
            self.enriched[k] += 1
            if record.get("source"):
                self.source_of[k] = record["source"]
        else:
            self.dead[k] += 1
            self.dead_codes[record["error"]] += 1

    @property
    def keys(self) -> set[bytes]:
        return set(self.enriched) | set(self.dead)

    def duplicates(self) -> int:
        """Outputs beyond the first for each key (same-key redeliveries)."""
        return sum(n - 1 for n in (self.enriched + self.dead).values() if n > 1)

    def lost(self, sent: set[bytes]) -> set[bytes]:
        return sent - self.keys

    def summary(self, name: str, sent: set[bytes], **extra: Any) -> dict[str, Any]:
        row = {
            "fault": name,
            "sent": len(sent),
            "enriched": len(set(self.enriched) & sent),
            "dead_lettered": len(set(self.dead) & sent),
            "duplicates": self.duplicates(),
            "lost": len(self.lost(sent)),
            "malformed": len(self.malformed),
            "unexpected": len(self.keys - sent),
            **extra,
        }
        return row


def report(row: dict[str, Any]) -> None:
    """Print one result row and append it to $NEWSSTREAM_FAULTS_REPORT for the summary table."""
    print("FAULTS", json.dumps(row, sort_keys=True))
    path = os.environ.get("NEWSSTREAM_FAULTS_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(row, sort_keys=True) + "\n")


class Reader:
    """A background consumer of the two output topics that fills a :class:`Ledger` as records arrive."""

    def __init__(self, bootstrap: str, enriched: str, dead_letter: str, *, read_committed: bool = False) -> None:
        self.bootstrap = bootstrap
        self.topics = {enriched: "enriched", dead_letter: "dead"}
        self.isolation = "read_committed" if read_committed else "read_uncommitted"
        self.ledger = Ledger()

    async def run_until(self, sent: set[bytes], *, timeout: float, settle: float = 5.0,
                        stall: float = 180.0, on_progress: Any = None) -> Ledger:
        """Consume until every sent key came out and nothing new arrived for ``settle`` seconds.

        Gives up after ``timeout`` seconds, or when nothing at all arrived for ``stall`` seconds (a stalled
        stream: the keys still missing are then counted as lost).
        """
        consumer = AIOKafkaConsumer(
            *self.topics, bootstrap_servers=self.bootstrap, group_id=None, auto_offset_reset="earliest",
            enable_auto_commit=False, isolation_level=self.isolation, metadata_max_age_ms=1000,
            max_partition_fetch_bytes=64 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024,
            request_timeout_ms=60_000, retry_backoff_ms=500,
        )
        await consumer.start()
        deadline = time.monotonic() + timeout
        last_new = time.monotonic()
        try:
            while time.monotonic() < deadline:
                try:
                    batches = await consumer.getmany(timeout_ms=500)
                except Exception:  # the broker may be down in the broker-restart test: keep trying
                    await asyncio.sleep(1)
                    continue
                for tp, messages in batches.items():
                    for m in messages:
                        self.ledger.add(self.topics[tp.topic], m.key, m.value)
                    if messages:
                        last_new = time.monotonic()
                if on_progress is not None:
                    await on_progress(self.ledger)
                if sent <= self.ledger.keys and time.monotonic() - last_new >= settle:
                    break
                if time.monotonic() - last_new >= stall:
                    break
        finally:
            await consumer.stop()
        return self.ledger


async def read_changelog(
    bootstrap: str, topic: str, *, timeout: float = 60.0, read_committed: bool = False
) -> dict[str, Any]:
    """The latest value of every key of a Faust table's changelog topic (what a recovering worker reads)."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="earliest", enable_auto_commit=False,
        isolation_level="read_committed" if read_committed else "read_uncommitted",
    )
    await consumer.start()
    table: dict[str, Any] = {}
    try:
        partitions = consumer.assignment()
        while not partitions:
            await asyncio.sleep(0.2)
            partitions = consumer.assignment()
        end = await consumer.end_offsets(list(partitions))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            positions = {tp: await consumer.position(tp) for tp in partitions}
            if all(positions[tp] >= end[tp] for tp in partitions):
                break
            batches = await consumer.getmany(timeout_ms=500)
            for messages in batches.values():
                for m in messages:
                    key = orjson.loads(m.key) if m.key else None
                    table[key] = orjson.loads(m.value) if m.value is not None else None
    finally:
        await consumer.stop()
    return table
