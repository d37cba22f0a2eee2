"""Run one stream through a fault: publish the articles, count outputs while the fault happens, summarise."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from streams.tables import TABLE_NAME as PROFILES_TABLE
from tests.faults import corpus
from tests.faults.control import create_raw_topic
from tests.faults.ledger import Ledger, Reader, read_changelog
from tests.integration.kafka_helpers import StreamEnv, produce

Fault = Callable[[Ledger], Awaitable[None]]


async def run_through(
    stream: StreamEnv, messages: list[corpus.Message], fault: Fault, *, read_committed: bool = False,
    timeout: float = 600.0, publish: Callable[[], Awaitable[Any]] | None = None,
) -> Ledger:
    """Publish ``messages`` (or run ``publish``), run ``fault`` while the outputs are read, return the ledger."""
    await create_raw_topic(stream)
    sent = {m.key for m in messages}
    reader = Reader(stream.bootstrap, stream.enriched, stream.dead_letter, read_committed=read_committed)
    reading = asyncio.create_task(reader.run_until(sent, timeout=timeout))
    if publish is None:
        await produce(stream.bootstrap, stream.raw, [(m.key, m.value) for m in messages])
    else:
        await publish()
    faulting = asyncio.create_task(fault(reader.ledger))
    await asyncio.wait({faulting, reading}, return_when=asyncio.FIRST_COMPLETED)
    if not faulting.done():
        # The reader stopped (every key came out, or its timeout): give the fault a little longer to finish
        # (a worker still starting up), then stop it, so that a stalled stream fails the test, never hangs it.
        await asyncio.wait({faulting}, timeout=120)
        if not faulting.done():
            faulting.cancel()
            ledger = reading.result()
            missing = sent - ledger.keys
            reread = Reader(stream.bootstrap, stream.enriched, stream.dead_letter, read_committed=read_committed)
            found = missing & (await reread.run_until(missing, timeout=60, stall=20)).keys
            raise AssertionError(
                f"the stream stalled: {len(ledger.keys)} of {len(sent)} keys came out, "
                f"{len(missing)} lost, {ledger.duplicates()} duplicates; "
                f"group lag by partition: {await group_lag(stream)}; "
                f"{len(found)} of the lost keys are in the output topics when read again; "
                f"where the lost ones are: {await where_ids_are(stream, {k.decode() for k in missing})}"
            )
    try:
        faulting.result()
    except BaseException:
        reading.cancel()
        raise
    return await reading


def _hops(stream: StreamEnv) -> tuple[tuple[str, int], ...]:
    """The topics a raw article passes through before its output, with their partition counts."""
    return (("raw", stream.partitions), ("by-source", stream.partitions), ("stories", 1))


async def group_lag(stream: StreamEnv) -> dict[str, int]:
    """The worker group's lag (end offset minus committed offset) on every partition it consumes that lags:
    which hop and which partition a stalled stream stopped at."""
    from aiokafka import AIOKafkaConsumer, TopicPartition
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=stream.bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=stream.bootstrap, group_id=None)
    await admin.start()
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(stream.name)
        partitions = [TopicPartition(f"{stream.name}.{hop}", p) for hop, count in _hops(stream) for p in range(count)]
        ends = await consumer.end_offsets(partitions)
        lag = {}
        for tp in partitions:
            done = committed[tp].offset if tp in committed else 0
            if ends[tp] > done:
                lag[f"{tp.topic.split('.')[-1]}[{tp.partition}]"] = ends[tp] - done
        return lag
    finally:
        await consumer.stop()
        await admin.close()


async def where_ids_are(stream: StreamEnv, ids: set[str]) -> dict[str, Any]:
    """Which hop's topic holds each of ``ids`` (by the ``id`` in the record), with partition and offset:
    where lost articles stopped."""
    import orjson
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=stream.bootstrap, group_id=None, enable_auto_commit=False)
    await consumer.start()
    out: dict[str, Any] = {}
    try:
        for hop, count in _hops(stream):
            topic = f"{stream.name}.{hop}"
            tps = [TopicPartition(topic, p) for p in range(count)]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            ends = await consumer.end_offsets(tps)
            positions = {tp: 0 for tp in tps}
            deadline = time.monotonic() + 60
            while any(positions[tp] < ends[tp] for tp in tps) and time.monotonic() < deadline:
                batches = await consumer.getmany(timeout_ms=1000)
                for tp, messages in batches.items():
                    for m in messages:
                        positions[tp] = m.offset + 1
                        try:
                            found = orjson.loads(m.value).get("id")
                        except Exception:
                            continue
                        if found in ids:
                            out.setdefault(found, []).append(f"{hop}[{tp.partition}]@{m.offset}")
    finally:
        await consumer.stop()
    return out


async def learned_counts(
    stream: StreamEnv, expected: dict[str, int], *, read_committed: bool = False, timeout: float = 30.0
) -> dict[str, int]:
    """Each source's learned article count, as the table's changelog holds it after the run.

    Profiles are written when the worker commits offsets (every few seconds), so the last articles' counts
    reach the changelog up to a commit interval after their outputs: read until every source has
    ``expected`` or ``timeout`` passes, then return what is there.
    """
    deadline = time.monotonic() + timeout
    while True:
        table = await read_changelog(
            stream.bootstrap, f"{stream.name}-{PROFILES_TABLE}-changelog", read_committed=read_committed
        )
        counts = {k: int(v.get("articles", 0)) for k, v in table.items() if isinstance(k, str) and v}
        if all(counts.get(s, 0) >= n for s, n in expected.items()) or time.monotonic() > deadline:
            return counts
        await asyncio.sleep(1.0)


def state_excess(stream_counts: dict[str, int], expected: dict[str, int]) -> dict[str, int]:
    """Learned count minus articles processed, per source (negative would mean state was lost)."""
    return {source: stream_counts.get(source, 0) - n for source, n in expected.items()}


def throughput(ledger: Ledger, start: float, end: float) -> float:
    """Distinct outputs per second first seen in [start, end)."""
    n = sum(1 for t in ledger.first_seen.values() if start <= t < end)
    return n / (end - start) if end > start else 0.0
