"""Records Faust fetched or queued but never handed to an agent are read again (streams/offset_gaps.py).

The consumer here is faust's own ``Consumer`` class with its methods as patched, called on a stand-in that
holds only the bookkeeping they read; the fetched records are scripted.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from faust.transport import consumer as faust_consumer
from faust.types import TP
from intervaltree import IntervalTree
from mode.utils.queues import FlowControlEvent, FlowControlQueue, ThrowableQueue

from streams import offset_gaps

RAW = TP("t.raw", 0)
OTHER = TP("t.raw", 1)
CHANGELOG = TP("t-table-changelog", 0)


def fetch(*records: tuple[TP, int], drop: tuple[int, ...] = ()) -> tuple[list[tuple[TP, int]], set[int]]:
    """A fetch as aiokafka returns it, and the offsets of it that faust does not yield (``drop``)."""
    return list(records), set(drop)


class Fetches:
    """Stands in for faust's ``getmany``: each call yields the next scripted fetch, less what faust drops;
    the fetch itself is what the patched ``_wait_next_records`` would have noted."""

    def __init__(self) -> None:
        self.fetches: list[tuple[list[tuple[TP, int]], set[int]]] = []

    async def __call__(self, consumer: Any, timeout: float) -> AsyncIterator[tuple[TP, Any]]:
        records, dropped = self.fetches.pop(0)
        fetched: dict[TP, list[Any]] = defaultdict(list)
        for tp, offset in records:
            fetched[tp].append(SimpleNamespace(offset=offset))
        consumer._newsstream_fetched = dict(fetched)
        for tp, offset in records:
            if offset not in dropped:
                yield tp, SimpleNamespace(tp=tp, offset=offset)


class StandIn:
    """The consumer's bookkeeping that the patched methods read and write, and the seeks they ask for."""

    def __init__(self, read: dict[TP, int | None], committed: dict[TP, int] | None = None) -> None:
        self._read_offset: defaultdict[TP, int | None] = defaultdict(lambda: None, read)
        self._committed_offset: defaultdict[TP, int | None] = defaultdict(lambda: None, committed or {})
        self._gap: defaultdict[TP, IntervalTree] = defaultdict(IntervalTree)
        self._acked: defaultdict[TP, list[int]] = defaultdict(list)
        self._acked_index: defaultdict[TP, set[int]] = defaultdict(set)
        self.seeks: list[tuple[TP, int]] = []
        self.committed_from_broker: dict[TP, int | None] = {}

    async def _seek(self, tp: TP, offset: int) -> None:
        self.seeks.append((tp, offset))

    async def seek_to_committed(self) -> dict[TP, int | None]:
        return self.committed_from_broker


@pytest.fixture
def fetches(monkeypatch: pytest.MonkeyPatch) -> Fetches:
    scripted = Fetches()
    for cls in (ThrowableQueue, FlowControlQueue):  # restored after the test, as the consumer's methods are
        monkeypatch.setattr(cls, "clear", cls.clear)
    for name in ("_wait_next_records", "getmany", "perform_seek", "_add_gap", "_new_offset"):
        monkeypatch.setattr(faust_consumer.Consumer, name, getattr(faust_consumer.Consumer, name))
    monkeypatch.setattr(faust_consumer.Consumer, "getmany", scripted)
    monkeypatch.setattr(offset_gaps, "_rewinds", {})
    offset_gaps.install([RAW.topic])
    return scripted


def drain(consumer: StandIn) -> list[tuple[TP, int]]:
    """One fetch through the drain loop's eyes: what it receives, updating the last offset read as it does."""

    async def run() -> list[tuple[TP, int]]:
        delivered = []
        async for tp, message in faust_consumer.Consumer.getmany(consumer, 1.0):
            delivered.append((tp, message.offset))
            consumer._read_offset[tp] = message.offset
        return delivered

    return asyncio.run(run())


def test_records_in_order_pass_untouched(fetches: Fetches) -> None:
    consumer = StandIn({RAW: 9})
    fetches.fetches = [fetch((RAW, 10), (RAW, 11), (OTHER, 3))]
    assert drain(consumer) == [(RAW, 10), (RAW, 11), (OTHER, 3)]
    assert consumer.seeks == []


def test_records_faust_stopped_yielding_are_read_again_when_the_partition_goes_on(fetches: Fetches) -> None:
    # faust's getmany breaks off a fetch when the flow stops: 12 and 13 were fetched, never yielded
    consumer = StandIn({RAW: 9})
    fetches.fetches = [
        fetch((RAW, 10), (RAW, 11), (RAW, 12), (RAW, 13), drop=(12, 13)),
        fetch((RAW, 14), (RAW, 15)),
        fetch((RAW, 12), (RAW, 13), (RAW, 14)),
    ]
    assert drain(consumer) == [(RAW, 10), (RAW, 11)]
    assert drain(consumer) == [] and consumer.seeks == [(RAW, 12)]
    assert drain(consumer) == [(RAW, 12), (RAW, 13), (RAW, 14)]
    assert not consumer._gap[RAW]


def test_a_record_faust_skipped_inside_a_fetch_is_read_again(fetches: Fetches) -> None:
    consumer = StandIn({RAW: 9, OTHER: 2})
    fetches.fetches = [fetch((RAW, 10), (RAW, 11), (OTHER, 3), (RAW, 12), drop=(11,)), fetch((RAW, 11), (RAW, 12))]
    assert drain(consumer) == [(RAW, 10), (OTHER, 3)]  # the rest of that fetch for RAW comes again
    assert consumer.seeks == [(RAW, 11)]
    assert drain(consumer) == [(RAW, 11), (RAW, 12)]
    assert not consumer._gap[RAW]


def test_offsets_that_were_never_fetched_are_counted_as_read_at_once(fetches: Fetches) -> None:
    consumer = StandIn({RAW: 9}, committed={RAW: 10})
    fetches.fetches = [fetch((RAW, 11), (RAW, 12))]  # offset 10 is a transaction marker: aiokafka skips it
    assert drain(consumer) == [(RAW, 11), (RAW, 12)]
    assert consumer.seeks == []
    # the gap is 10 alone, though it starts at the committed offset (faust's own trims that away)
    assert [(g.begin, g.end) for g in consumer._gap[RAW]] == [(10, 11)]


def test_the_gap_after_offset_zero_is_found(fetches: Fetches) -> None:
    consumer = StandIn({RAW: 0}, committed={RAW: 1})
    fetches.fetches = [fetch((RAW, 2))]
    drain(consumer)
    assert [(g.begin, g.end) for g in consumer._gap[RAW]] == [(1, 2)]


def test_other_topics_keep_faust_behaviour(fetches: Fetches) -> None:
    consumer = StandIn({CHANGELOG: 9})
    fetches.fetches = [fetch((CHANGELOG, 20), (CHANGELOG, 21), drop=(21,))]
    assert drain(consumer) == [(CHANGELOG, 20)] and consumer.seeks == [] and not offset_gaps._rewinds


def test_after_a_seek_to_committed_the_last_offset_read_is_the_one_before(fetches: Fetches) -> None:
    consumer = StandIn({})
    consumer.committed_from_broker = {RAW: 436, OTHER: 0, CHANGELOG: 50}
    asyncio.run(faust_consumer.Consumer.perform_seek(consumer))
    assert consumer._read_offset[RAW] == 435  # so a record skipped at 436 is seen as a jump
    assert consumer._read_offset[OTHER] is None
    assert consumer._read_offset[CHANGELOG] == 50  # faust's reckoning, which its table recovery expects
    assert consumer._committed_offset[RAW] == 436 and consumer._committed_offset[OTHER] is None


def test_faust_drain_loop_gaps_are_off_on_these_topics_and_kept_on_others(fetches: Fetches) -> None:
    consumer = StandIn({})
    asyncio.run(faust_consumer.Consumer._add_gap(consumer, RAW, 10, 13))
    asyncio.run(faust_consumer.Consumer._add_gap(consumer, CHANGELOG, 10, 13))
    assert not consumer._gap[RAW]
    assert [(g.begin, g.end) for g in consumer._gap[CHANGELOG]] == [(10, 14)]


def test_nothing_is_committed_past_an_unhandled_committed_offset(fetches: Fetches) -> None:
    consumer = StandIn({}, committed={RAW: 31, CHANGELOG: 31})
    consumer._acked[RAW] = [32, 33]  # 31 never handled: faust itself would commit 34
    consumer._acked[CHANGELOG] = [32, 33]
    assert faust_consumer.Consumer._new_offset(consumer, RAW) is None
    assert faust_consumer.Consumer._new_offset(consumer, CHANGELOG) == 34
    consumer._acked[RAW].insert(0, 31)
    assert faust_consumer.Consumer._new_offset(consumer, RAW) == 34


def test_a_confirmed_gap_at_the_committed_offset_lets_the_commit_pass(fetches: Fetches) -> None:
    consumer = StandIn({}, committed={RAW: 10})
    consumer._gap[RAW].addi(10, 11)
    consumer._acked[RAW] = [11, 12]
    assert faust_consumer.Consumer._new_offset(consumer, RAW) == 13


def test_events_a_cleared_queue_held_are_read_again(fetches: Fetches) -> None:
    # the end of a rebalance's recovery resumes flow control after the seek, which clears the agents' queues
    # of what the drain loop delivered meanwhile: offsets 496-499 here; the next record fetched is 500
    consumer = StandIn({RAW: 495})
    fetches.fetches = [
        fetch((RAW, 496), (RAW, 497), (RAW, 498), (RAW, 499)), fetch((RAW, 500), (RAW, 501)), fetch((RAW, 496)),
    ]
    assert len(drain(consumer)) == 4

    async def fill_then_resume() -> None:
        flow = FlowControlEvent()
        queue = ThrowableQueue(flow_control=flow, clear_on_resume=True)
        for offset in (496, 497, 498, 499):
            queue.put_nowait(SimpleNamespace(message=SimpleNamespace(tp=RAW, offset=offset)))
        flow.resume()
        assert queue.empty()

    asyncio.run(fill_then_resume())
    consumer._read_offset[RAW] = 500  # the drain loop finishes the record it was delivering meanwhile
    assert drain(consumer) == [] and consumer.seeks == [(RAW, 496)]
    assert consumer._read_offset[RAW] == 495
    assert drain(consumer) == [(RAW, 496)]


def test_a_seek_to_committed_supersedes_what_was_to_be_read_again(fetches: Fetches) -> None:
    consumer = StandIn({RAW: 9})
    offset_gaps._rewinds[RAW] = 5
    consumer.committed_from_broker = {RAW: 3}
    asyncio.run(faust_consumer.Consumer.perform_seek(consumer))
    fetches.fetches = [fetch((RAW, 3), (RAW, 4), (RAW, 5), (RAW, 6))]
    assert drain(consumer) == [(RAW, 3), (RAW, 4), (RAW, 5), (RAW, 6)] and consumer.seeks == []
