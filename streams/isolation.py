"""The worker reads only committed records, whatever the processing guarantee.

faust-streaming opens its consumer with ``isolation_level="read_uncommitted"`` unless the app itself runs
exactly-once. Publishers are not only this project's: a transactional Java, Kafka Connect or librdkafka
producer that aborts a transaction leaves its records in the log, and a read_uncommitted consumer enriches
them as if they had been sent. ``read_committed`` skips aborted records and waits at the last stable
offset; for non-transactional producers it reads exactly what read_uncommitted would.
"""

from __future__ import annotations

from typing import Any

from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

READ_COMMITTED = "read_committed"


def install() -> None:
    """Make every Faust worker consumer of this process read committed records only (idempotent)."""
    current = AIOKafkaConsumerThread._create_worker_consumer
    original = getattr(current, "__wrapped__", current)

    def _create_worker_consumer(self: Any, transport: Any) -> Any:
        consumer = original(self, transport)
        # aiokafka reads the level when the consumer starts (it builds its fetcher then), not before.
        consumer._isolation_level = READ_COMMITTED
        return consumer

    _create_worker_consumer.__wrapped__ = original  # type: ignore[attr-defined]
    AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer  # type: ignore[method-assign]
