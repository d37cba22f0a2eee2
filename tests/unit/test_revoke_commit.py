"""Acked offsets are committed before faust drops them at revocation (streams/revoke_commit.py)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.types import TP
from faust.utils.tracing import noop_span

from streams import revoke_commit

RAW = TP("t.raw", 0)


class StandIn:
    """The consumer's commit state: a commit may be under way; commits are recorded."""

    def __init__(self) -> None:
        self._commit_fut: asyncio.Future | None = None
        self._acked: dict[TP, list[int]] = {}
        self.commits: list[tuple[str, set]] = []

    async def maybe_wait_for_commit_to_finish(self) -> bool:
        return await faust_consumer.Consumer.maybe_wait_for_commit_to_finish(self)  # type: ignore[arg-type]

    async def commit(self, topics: Any = None) -> bool:
        if self._commit_fut is not None:  # faust's behaviour: a second commit returns without committing
            return False
        self.commits.append(("ours", set(topics)))
        self._acked = {}
        return True


def test_a_commit_under_way_is_waited_for_then_the_revoked_partitions_are_committed() -> None:
    async def scenario() -> list[tuple[str, set]]:
        consumer = StandIn()
        consumer._commit_fut = asyncio.get_running_loop().create_future()

        async def periodic_commit_finishes() -> None:
            await asyncio.sleep(0.01)
            consumer.commits.append(("periodic", set()))
            fut, consumer._commit_fut = consumer._commit_fut, None
            fut.set_result(None)

        finishing = asyncio.create_task(periodic_commit_finishes())
        await revoke_commit.commit_handled(consumer, {RAW})
        await finishing
        return consumer.commits

    assert asyncio.run(scenario()) == [("periodic", set()), ("ours", {RAW})]


def test_an_ack_that_came_during_the_commit_is_committed_in_another_round() -> None:
    async def scenario() -> list[tuple[str, set]]:
        consumer = StandIn()
        commit = consumer.commit

        async def commit_then_an_ack_arrives(topics: Any = None) -> bool:
            done = await commit(topics)
            if len(consumer.commits) == 1:
                consumer._acked = {RAW: [7]}  # the event an agent was handling finished meanwhile
            return done

        consumer.commit = commit_then_an_ack_arrives  # type: ignore[method-assign]
        await revoke_commit.commit_handled(consumer, {RAW})
        return consumer.commits

    assert asyncio.run(scenario()) == [("ours", {RAW}), ("ours", {RAW})]


def test_install_wraps_faust_once_and_keeps_its_own_method() -> None:
    before = faust_consumer.Consumer.on_partitions_revoked
    try:
        revoke_commit.install()
        first = faust_consumer.Consumer.on_partitions_revoked
        revoke_commit.install()
        assert faust_consumer.Consumer.on_partitions_revoked._newsstream_original is first._newsstream_original
        assert first._newsstream_original is getattr(before, "_newsstream_original", before)
    finally:
        faust_consumer.Consumer.on_partitions_revoked = before


class Revoking(StandIn):
    """What faust's own ``on_partitions_revoked`` reads, with acks pending since the last periodic commit."""

    def __init__(self, *, in_transaction: bool = False, stopping: bool = False) -> None:
        super().__init__()
        self._acked = {RAW: [4, 5, 6]}
        self._acked_index = {RAW: {4, 5, 6}}
        self._gap: dict = {}
        self._read_offset = {RAW: 6}
        self._committed_offset = {RAW: 4}
        self._active_partitions: set | None = {RAW}
        self._paused_partitions: set = set()
        self.in_transaction = in_transaction
        self.flow_active = True
        self.suspended = False
        self.diag = SimpleNamespace(set_flag=lambda flag: None, unset_flag=lambda flag: None)
        self.app = SimpleNamespace(should_stop=stopping, _start_span_from_rebalancing=lambda name: noop_span(),
                                   flow_control=SimpleNamespace(suspend=self._suspend))
        self.pending_at_commit: list[dict] = []

    def _suspend(self) -> None:
        self.suspended = True

    def stop_flow(self) -> None:
        self.flow_active = False

    async def commit(self, topics: Any = None) -> bool:
        self.pending_at_commit.append({tp: list(offsets) for tp, offsets in self._acked.items()})
        return await super().commit(topics)

    async def _on_partitions_revoked(self, revoked: set) -> None:  # the app's handler: waits, then commits
        self.commits.append(("app", set(revoked)))


def _revoke(consumer: Revoking) -> None:
    original = faust_consumer.Consumer.on_partitions_revoked
    try:
        revoke_commit.install()
        asyncio.run(faust_consumer.Consumer.on_partitions_revoked(consumer, {RAW}))  # type: ignore[arg-type]
    finally:
        faust_consumer.Consumer.on_partitions_revoked = original


def test_pending_acks_are_committed_before_faust_drops_them_and_the_flow_stops_first() -> None:
    consumer = Revoking()
    _revoke(consumer)
    assert consumer.pending_at_commit == [{RAW: [4, 5, 6]}]  # what faust's method would have dropped
    assert consumer.commits == [("ours", {RAW}), ("app", {RAW})]
    assert not consumer.flow_active and consumer.suspended
    assert RAW not in consumer._acked_index  # faust's method ran after, as before


def test_exactly_once_and_a_stopping_worker_keep_faust_s_own_path() -> None:
    for consumer in (Revoking(in_transaction=True), Revoking(stopping=True)):
        _revoke(consumer)
        assert consumer.commits == [("app", {RAW})] and consumer.flow_active
