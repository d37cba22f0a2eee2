"""Acked offsets are committed before faust drops them at revocation (streams/revoke_commit.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.types import TP

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
