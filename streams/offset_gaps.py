"""Records Faust fetched or queued but never handed to an agent are read again, not committed as a gap.

faust-streaming 0.15.3's drain loop compares each record's offset with the last one it delivered on that
partition; when it jumps, it records the offsets between as a *gap* (``Consumer._add_gap``) and later
commits across them as if they had been handled. Gaps are real on a topic: transaction markers, aborted
transactions, a batch the worker could not read (:mod:`streams.unreadable` hands on one record for it).
But Faust makes the same jump itself: ``getmany`` stops iterating a fetched batch when the flow stops or
the generation changes, and skips a partition that went inactive meanwhile, while aiokafka's position is
already past those records. And records the drain loop did deliver can be dropped after it: the end of a
rebalance's recovery resumes the stream partitions, seeks them, and only then resumes flow control, which
clears the agents' queues of what arrived in between. On scale-out that committed the first records
published after a rebalance unprocessed (2 to 212 of 3,000 articles lost in about one loaded run in five),
or, once commits were held back, stalled the partition (docs/reliability.md).

So on the app's own source topics:

- records faust fetched but did not yield are noted (the fetch is seen as ``getmany`` receives it), and
  so are events a queue held when flow control cleared it; when the partition's next record comes, the
  partition is read again from the first of them (the rest of that fetch for it is dropped, as it comes
  again);
- a jump over offsets that were not fetched at all is aiokafka's doing (transaction markers, aborted
  transactions, compaction, a batch stood in for by :mod:`streams.unreadable`) and counted as read at once;
- after a seek to the committed offsets, the last offset read is the one before the committed offset
  (Faust took the committed offset itself, the next one to read, so one record skipped there went unseen);
- Faust's own gap recording is off (it counted the record that revealed the gap as part of it, found no
  gap after offset 0, and trimmed a gap starting at the committed offset away);
- nothing is committed until the committed offset itself is handled or is in a gap (Faust
  committed past one unhandled offset at the head of a partition: ``min(acked) - committed > 1``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.types import TP
from mode.utils import queues

log = logging.getLogger(__name__)
_topics: set[str] = set()
_rewinds: dict[TP, int] = {}  # per partition, the first offset fetched or queued but not delivered: read again


def install(topics: Iterable[str]) -> None:
    """Patch faust's consumer in this process for ``topics`` (idempotent)."""
    _topics.update(topics)
    consumer = faust_consumer.Consumer
    for name, make in (
        ("_wait_next_records", _wait_next_records), ("getmany", _getmany), ("perform_seek", _perform_seek),
        ("_add_gap", _add_gap), ("_new_offset", _new_offset),
    ):
        current = getattr(consumer, name)
        original = getattr(current, "__wrapped__", current)
        patched = make(original)
        patched.__wrapped__ = original  # type: ignore[attr-defined]
        setattr(consumer, name, patched)
    for queue_class in (queues.FlowControlQueue, queues.ThrowableQueue):
        current = queue_class.clear
        original = getattr(current, "__wrapped__", current)
        patched = _clear(original)
        patched.__wrapped__ = original  # type: ignore[attr-defined]
        queue_class.clear = patched  # type: ignore[method-assign]


def _wait_next_records(original: Any) -> Any:
    async def wait_next_records(self: Any, timeout: float) -> Any:
        records, active_partitions = await original(self, timeout)
        self._newsstream_fetched = records or {}  # what ``getmany`` is about to iterate, dropped records too
        return records, active_partitions

    return wait_next_records


def _getmany(original: Any) -> Any:
    async def getmany(self: Any, timeout: float) -> AsyncIterator[tuple[TP, Any]]:
        read_again: set[TP] = set()  # partitions sought back in this fetch: their later records come again
        last_yielded: dict[TP, int] = {}
        read_offset = self._read_offset
        self._newsstream_fetched = {}
        async for tp, message in original(self, timeout):
            if tp in read_again:
                continue
            if tp.topic in _topics:
                first = None  # the first offset to read again, when records before this one were dropped
                rewind = _rewinds.get(tp) if _rewinds else None
                if rewind is not None and message.offset >= rewind:
                    del _rewinds[tp]
                    if message.offset > rewind:  # dropped in an earlier fetch or from a queue
                        first = rewind
                last = read_offset.get(tp)
                if first is None and last is not None and message.offset > last + 1:
                    fetched = self._newsstream_fetched.get(tp, ())
                    dropped = [r.offset for r in fetched if last < r.offset < message.offset]
                    if dropped:  # faust skipped records of this very fetch
                        first = dropped[0]
                    else:
                        await _count_as_read(self, tp, last + 1, message.offset)
                if first is not None:
                    read_offset[tp] = first - 1
                    read_again.add(tp)
                    await _read_again(self, tp, first, message.offset)
                    continue
                last_yielded[tp] = message.offset
            yield tp, message
        _note_undelivered(self._newsstream_fetched, last_yielded, read_again)

    return getmany


def _note_undelivered(fetched: Any, last_yielded: dict[TP, int], read_again: set[TP]) -> None:
    """Records of the fetch after the last one faust yielded (it stopped iterating: the flow stopped, the
    generation changed, the partition went inactive) are read again when the partition's next record comes."""
    for tp, fetched_records in fetched.items():
        if tp.topic not in _topics or tp in read_again or not fetched_records:
            continue
        last = last_yielded.get(tp)
        undelivered = [r.offset for r in fetched_records if last is None or r.offset > last]
        if undelivered:
            _note_dropped(tp, undelivered[0], f"offsets {undelivered[0]}-{undelivered[-1]} of {tp.topic}"
                          f"[{tp.partition}] were fetched but not delivered")


def _note_dropped(tp: TP, offset: int, why: str) -> None:
    """Read ``tp`` again from ``offset`` when its next record comes (the lowest offset noted wins)."""
    if offset < _rewinds.get(tp, offset + 1):
        _rewinds[tp] = offset
        log.info("%s", why)


async def _read_again(consumer: Any, tp: TP, first: int, end: int) -> None:
    log.info("offsets %d-%d of %s[%d] were not delivered; reading them again", first, end - 1, tp.topic,
             tp.partition)
    try:
        await consumer._seek(tp, first)
    except Exception as exc:  # no longer assigned: the rebalance under way seeks to the committed offset
        log.info("could not seek %s[%d] back to %d (%r); the next rebalance seeks it", tp.topic, tp.partition,
                 first, exc)


async def _count_as_read(consumer: Any, tp: TP, first: int, end: int) -> None:
    """Record offsets aiokafka skipped as a gap, as faust's ``_add_gap`` would (which is off here, see below)."""
    log.debug("offsets %d-%d of %s[%d] hold no records to deliver (transaction markers, aborted or compacted)",
              first, end - 1, tp.topic, tp.partition)
    committed = consumer._committed_offset[tp]
    first = first if committed is None else max(first, committed)  # below the committed offset: done
    if first < end:
        gaps = consumer._gap[tp]
        gaps.addi(first, end)
        await asyncio.sleep(0)
        gaps.merge_overlaps()


def _clear(original: Any) -> Any:
    def clear(self: Any) -> None:
        _rewind_to_dropped(self)
        original(self)

    return clear


def _rewind_to_dropped(queue: Any) -> None:
    """Events still in an agent's queue when flow control clears it were delivered as far as the drain loop
    knows. Note each partition's first one; the next record of the partition fetched after it (or the
    record the drain loop was delivering as the queue was cleared) then reads the partition again from
    there (:func:`_getmany`). Noted rather than set on the read offset, which the drain loop overwrites
    when the record it was delivering is done."""
    for item in getattr(queue, "_queue", ()):
        message = getattr(item, "message", None)
        tp = getattr(message, "tp", None)
        if tp is not None and tp.topic in _topics:
            _note_dropped(tp, message.offset, f"offset {message.offset} of {tp.topic}[{tp.partition}] and what "
                          "followed it were dropped from an agent's queue by flow control")


def _perform_seek(original: Any) -> Any:
    async def perform_seek(self: Any) -> None:
        committed = await self.seek_to_committed()
        read_offset = self._read_offset
        for tp, offset in committed.items():
            tp = faust_consumer.ensure_TP(tp)
            valid = offset is not None and offset >= 0
            if tp.topic in _topics:
                read_offset[tp] = offset - 1 if valid and offset > 0 else None  # the last offset read
            else:
                read_offset[tp] = offset if valid else None  # faust's own reckoning, for its changelogs
            if offset is not None:
                self._committed_offset[tp] = offset if offset else None
        _rewinds.clear()  # every assigned partition reads from its committed offset now

    return perform_seek


def _add_gap(original: Any) -> Any:
    async def add_gap(self: Any, tp: TP, offset_from: int, offset_to: int) -> None:
        # on these topics a gap is recorded by getmany, for offsets that were never fetched (:func:`_count_as_read`);
        # faust's own would also count the record being delivered, and miss one after offset 0
        if tp.topic not in _topics:
            await original(self, tp, offset_from, offset_to)

    return add_gap


def _new_offset(original: Any) -> Any:
    def new_offset(self: Any, tp: TP) -> int | None:
        if tp.topic in _topics:
            committed = self._committed_offset[tp]
            acked = self._acked[tp]
            head_missing = committed is not None and acked and min(acked) > committed
            if head_missing and not any(gap.begin <= committed < gap.end for gap in self._gap[tp]):
                return None  # the committed offset itself is neither handled nor in a gap
        return original(self, tp)

    return new_offset
