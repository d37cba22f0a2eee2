"""A message read before a rebalance never moves the committed offset after it.

What was lost, found by the scale-out fault test (a third worker joins while articles keep arriving; 2-212
of 3,000 articles never came out, with every input offset committed): faust-streaming 0.15 tags each
message with the consumer generation it was fetched in, and after a rebalance its stream *skips* messages
of an older generation still queued, but it also *acks* them (``Stream._py_aiter``: a skipped value is
acked "otherwise the lag would increase"), and an event the agent was still working on when the
rebalance came is acked when it finishes. Meanwhile the rebalance has seeked the partition back to its
committed offset, so those offsets are read again, and the early acks of the stale copies put them in
the partition's acked list first: the next commit jumps past them before the fresh copies are processed;
the fresh copies' acks are then below the committed offset and ignored, and the output messages attached
to them (Faust sends an agent's output when the input's offset is committed) are never sent once the
partition has nothing newer. Nothing reports it: the group's lag is 0.

The same stream also skips and acks messages it takes from its queue while flow control is suspended
(the start of a rebalance, before the generation changes), and the rebalance then commits while it waits
for in-flight messages: an offset that no agent handled can be committed the same way.

So an ack counts an offset only for a message an agent has started on (:func:`handling`, called by each
agent as it takes an event) in the consumer generation the message was fetched in. Any other ack marks
the message done (so that the rebalance's wait for in-flight messages ends) without counting its offset:
the copy read again after the rebalance is what commits it. A message is processed twice at worst
(at-least-once), never committed unsent.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.types.tuples import ack_lock
from mode.utils.futures import notify

log = logging.getLogger(__name__)
_handled: weakref.WeakSet[Any] = weakref.WeakSet()  # messages an agent took, forgotten with the message
_guarded_topics: set[str] = set()


def handling(message: Any) -> None:
    """Say that an agent has taken ``message`` (its ack may then count its offset)."""
    _handled.add(message)


def install(agent_topics: Any = ()) -> None:
    """Patch faust's consumer ``ack`` in this process for the agents' topics (idempotent)."""
    _guarded_topics.update(agent_topics)
    current = faust_consumer.Consumer.ack
    original = getattr(current, "__wrapped__", current)

    def ack(self: Any, message: Any) -> bool:
        if message.topic not in _guarded_topics:
            return original(self, message)
        generation = getattr(message, "generation_id", None)
        current_generation = generation is None or generation == self.app.consumer_generation_id
        if current_generation and message in _handled:
            return original(self, message)
        with ack_lock:
            message.acked = True
            self._unacked_messages.discard(message)
            notify(self._waiting_for_ack)
        return False

    ack.__wrapped__ = original  # type: ignore[attr-defined]
    faust_consumer.Consumer.ack = ack  # type: ignore[method-assign]

    current_gap = faust_consumer.Consumer._add_gap
    original_gap = getattr(current_gap, "__wrapped__", current_gap)

    async def _add_gap(self: Any, tp: Any, offset_from: int, offset_to: int) -> None:
        # Faust counts offsets it never delivered as acked ("a gap": compaction, transaction markers); on the
        # agents' own topics that is also how records dropped around a rebalance would be committed unsent
        if tp.topic in _guarded_topics:
            log.info("offsets %d-%d of %s[%d] were never delivered; Faust counts them as a gap",
                        offset_from, offset_to, tp.topic, tp.partition)
        await original_gap(self, tp, offset_from, offset_to)

    _add_gap.__wrapped__ = original_gap  # type: ignore[attr-defined]
    faust_consumer.Consumer._add_gap = _add_gap  # type: ignore[method-assign]
