"""Exactly-once: a record sent while handling an event joins the transaction of the event's source partition.

faust-streaming's ``TransactionManager.send`` picks the transactional producer from the *destination*
(``{app}-{group of the destination topic}-{destination partition}``, faust/transport/consumer.py), while
``TransactionManager.commit`` commits, per *source* partition with new acked offsets, the producer
``{app}-{group of the source topic}-{source partition}``. That only matches for Faust's own co-partitioned
sends (table changelogs). A send to a partition of another group or number (raw[2] -> by-source[0],
by-source[p] -> stories[0]) lands in a transaction that commits only when that other partition happens to
have offsets to commit: the stories topic's transaction would commit only after the stories agent read a
record of it, which a read_committed consumer never sees (last stable offset 0). A send to a topic the
worker does not consume (enriched, mentions, dead letters) took no transaction at all.

Here a send made while an event is being handled goes to its source partition's producer, whose commit
carries that event's offset; sends outside an event (table changelogs from the producer buffer, which are
co-partitioned with their source) keep Faust's choice.
"""

from __future__ import annotations

from typing import Any

from faust.streams import current_event
from faust.transport.consumer import TransactionManager


def install() -> None:
    """Route transactional sends by the current event's source partition (idempotent)."""
    current = TransactionManager.send
    original = getattr(current, "__wrapped__", current)

    async def send(
        self: Any, topic: str, key: Any, value: Any, partition: Any, timestamp: Any, headers: Any,
        *, transactional_id: Any = None,
    ) -> Any:
        event = current_event()
        if event is None:
            return await original(self, topic, key, value, partition, timestamp, headers)
        source = event.message
        group = self.app.assignor.group_for_topic(source.topic)
        return await self.producer.send(
            topic, key, value, self.consumer.key_partition(topic, key, partition), timestamp, headers,
            transactional_id=f"{self.app.conf.id}-{group}-{source.partition}",
        )

    send.__wrapped__ = original  # type: ignore[attr-defined]
    TransactionManager.send = send  # type: ignore[method-assign]
