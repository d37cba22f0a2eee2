"""Faust commits an offset of the agents' topics only for a message an agent actually handled.

Read from faust-streaming 0.15.3's code while chasing a loss on scale-out (docs/reliability.md): its
streams *ack* what they skip — messages of an older consumer generation still queued after a rebalance,
and whatever they take from their queue while flow control is suspended at a rebalance's start — and the
event an agent was still working on is acked when it finishes, in whatever generation is current then.
The rebalance seeks each partition back to its committed offset and commits while it waits for in-flight
messages, so such acks can put offsets in the acked list that no agent handled in this generation, and a
commit can pass them. So an ack counts an offset only for a message an agent has taken (:func:`handling`,
called by each agent as it takes an event) in the generation it was fetched in; any other ack marks the
message done (so that the rebalance's wait for in-flight messages ends) without counting its offset. At
worst a message is processed twice (at-least-once).

This did not end the loss that led here. That one is Faust counting records it fetched but never delivered
as an offset *gap* (``Consumer._add_gap``), which it treats as acked; every such range on the agents'
topics is logged here (INFO) so that it can be seen. Legitimate gaps exist too (transaction markers,
aborted batches, a batch the worker could not read), which is why they are not simply refused.
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
