"""What an agent handled is committed when its partitions are revoked, not handled again by their next owner.

faust-streaming 0.15.3's ``Consumer.on_partitions_revoked`` drops the revoked partitions' bookkeeping — the
offsets acked since the last periodic commit among it — *before* the app's handler waits for the agents and
commits. So the commit at a rebalance had nothing to commit for them, and whatever was handled in the last
``broker_commit_interval`` (2.8 s) before a graceful rebalance was read and handled again: on scale-out
the new worker, or the old one if it kept the partition, published those articles a second time (CI,
2026-12-03: 35 records for 30 articles; every article of a test's feed three times with the periodic
commit set to 600 s). This commits those acks first, while the consumer still owns the partitions (the broker
takes commits of the current generation while the group prepares to rebalance). The producer is flushed
before the commit (Faust's ``_commit_offsets``), so outputs are on the broker before their inputs are done.

Not under ``exactly_once``: there offsets are committed inside each partition's transaction; at a
rebalance the open transaction is aborted and its work done again, which read_committed readers never see
twice. Not for a worker that is stopping: Faust's ``on_stop`` waits for the agents and commits.

Events still queued when the flow stops are acked without being handled; :mod:`streams.stale_acks` keeps
those offsets out of the commit.
"""

from __future__ import annotations

import logging
from typing import Any

from faust.transport import consumer as faust_consumer

log = logging.getLogger(__name__)


def install() -> None:
    """Wrap faust's ``Consumer.on_partitions_revoked`` in this process (idempotent)."""
    current = faust_consumer.Consumer.on_partitions_revoked
    # not ``__wrapped__``: faust's own decorator (``Service.transitions_to``) sets that to the bare method
    original = getattr(current, "_newsstream_original", current)

    async def on_partitions_revoked(self: Any, revoked: Any) -> None:
        if revoked and not self.in_transaction and not self.app.should_stop:
            # as the app's handler does next: the agents take no more events, so acks stop coming
            self.stop_flow()
            self.app.flow_control.suspend()
            await commit_handled(self, revoked)
        await original(self, revoked)  # drops the bookkeeping before any await: no ack comes in between

    on_partitions_revoked._newsstream_original = original  # type: ignore[attr-defined]
    faust_consumer.Consumer.on_partitions_revoked = on_partitions_revoked  # type: ignore[method-assign]


async def commit_handled(consumer: Any, partitions: Any, rounds: int = 3) -> None:
    """Commit the acked offsets of ``partitions``. A commit already under way owns the offsets it took, so
    wait for it, then commit what is left (Faust's ``commit`` returns without committing while one runs);
    again while an event the agents were handling acked meanwhile (a few rounds at most: an ack that stays,
    after a gap, cannot be committed yet, and one that comes later is committed by the app's handler)."""
    tps = set(partitions)
    try:
        for _ in range(rounds):
            while consumer._commit_fut is not None:
                await consumer.maybe_wait_for_commit_to_finish()
            await consumer.commit(tps)
            if not any(consumer._acked.get(tp) for tp in tps):
                return
    except Exception as exc:  # Faust's commit crashes the worker on a broker error; anything else is logged
        log.warning("commit before revoking %d partitions failed: %r", len(tps), exc)
