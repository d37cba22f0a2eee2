"""What the Faust worker itself can tell the console: consumer lag per partition and whether it is healthy.

Read-only: nothing here changes the worker's state. The broker probe asks for cluster metadata on the
producer's connection with a short timeout and caches the answer briefly, so that a health check polled
every second costs the broker one request every few seconds at most.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Seconds a broker probe's answer is reused, and how long one may take before the broker counts as unreachable.
PROBE_CACHE_S = 3.0
PROBE_TIMEOUT_S = 3.0


@dataclass
class PartitionLag:
    topic: str
    partition: int
    end_offset: int | None
    position: int | None  # the next offset this worker will read
    lag: int | None

    def asdict(self) -> dict[str, Any]:
        return {"topic": self.topic, "partition": self.partition, "end_offset": self.end_offset,
                "position": self.position, "lag": self.lag}


def partition_lag(topic: str, partition: int, end: int | None, read: int | None, committed: int | None) -> PartitionLag:
    """Messages between where this worker is and the end of the partition.

    ``read`` is the offset of the last message handed to the stream; ``committed`` is Faust's
    ``_committed_offset``, the next offset to read as committed to the group. The position is the later of
    one past ``read`` and ``committed``.
    """
    known = [o for o in (None if read is None else read + 1, committed) if o is not None]
    position = max(known) if known else None
    if end is None:
        return PartitionLag(topic, partition, None, position, None)
    lag = max(0, end - (position if position is not None else 0))
    return PartitionLag(topic, partition, end, position, lag)


async def consumer_lag(app: Any, topics: Iterable[str]) -> list[PartitionLag]:
    """Lag of this worker's partitions of ``topics`` (end offsets asked of the broker)."""
    wanted = set(topics)
    consumer = app.consumer
    tps = sorted(tp for tp in consumer.assignment() if tp.topic in wanted)
    if not tps:
        return []
    try:
        ends = await asyncio.wait_for(consumer.highwaters(*tps), PROBE_TIMEOUT_S)
    except Exception:  # broker unreachable or rebalancing: fall back to the last fetch's highwater
        ends = {tp: _safe_highwater(consumer, tp) for tp in tps}
    read = app.monitor.tp_read_offsets
    committed = getattr(consumer, "_committed_offset", {})
    return [partition_lag(tp.topic, tp.partition, ends.get(tp), read.get(tp), committed.get(tp)) for tp in tps]


def _safe_highwater(consumer: Any, tp: Any) -> int | None:
    try:
        return consumer.highwater(tp)
    except Exception:
        return None


@dataclass
class BrokerProbe:
    """Whether the broker answered a metadata request recently (cached for :data:`PROBE_CACHE_S`)."""

    checked_at: float = 0.0
    error: str | None = "not checked yet"
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def check(self, app: Any) -> str | None:
        """None when the broker is reachable, else why not."""
        async with self._lock:
            if time.monotonic() - self.checked_at < PROBE_CACHE_S:
                return self.error
            self.error = await _probe(app)
            self.checked_at = time.monotonic()
            return self.error


async def _probe(app: Any) -> str | None:
    producer = getattr(app.producer, "_producer", None)
    client = getattr(producer, "client", None)
    if client is None:
        return "the producer is not connected yet"
    try:
        await asyncio.wait_for(client.fetch_all_metadata(), PROBE_TIMEOUT_S)
    except TimeoutError:
        return f"the broker did not answer a metadata request within {PROBE_TIMEOUT_S:g} s"
    except Exception as exc:
        return f"the broker is unreachable: {type(exc).__name__}: {exc}"[:300]
    return None


def consuming_problem(app: Any, source_topics: Iterable[str]) -> str | None:
    """None when the worker is consuming its partitions, else why it is not (for ``/health``)."""
    if not getattr(app, "started", False) or app.consumer is None:
        return "the worker is starting"
    if getattr(app, "rebalancing", False):
        return "the consumer group is rebalancing"
    if getattr(app, "in_recovery", False):
        return "tables are being recovered from their changelogs"
    if app.consumer.should_stop:
        return "the consumer has stopped"
    for agent in app.agents.values():
        if agent.crashed:
            return f"agent {agent.name} crashed"
        for actor in list(getattr(agent, "_actors", ())):  # an actor waiting for its supervisor's restart
            if actor.crashed:
                reason = actor.crash_reason
                return f"agent {agent.name} crashed: {type(reason).__name__}: {reason}"[:300]
    wanted = set(source_topics)
    if not any(tp.topic in wanted for tp in app.consumer.assignment()):
        return "no partition of the source topics is assigned to this worker yet"
    return None
