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

This did not end the loss that led here: that one was Faust counting records it had fetched but never
delivered as an offset gap, which :mod:`streams.offset_gaps` closes.
"""

from __future__ import annotations

import weakref
from typing import Any

from faust.transport import consumer as faust_consumer
from faust.types.tuples import ack_lock
from mode.utils.futures import notify

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
