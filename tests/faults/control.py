"""Driving workers through faults: wait until one is ready, kill it, restart it, while outputs are counted."""

from __future__ import annotations

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from tests.integration.kafka_helpers import StreamEnv


async def create_raw_topic(stream: StreamEnv) -> None:
    """Create the raw topic with the stream's partitions, as ``newsstream publish`` and the worker do."""
    admin = AIOKafkaAdminClient(bootstrap_servers=stream.bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(stream.raw, num_partitions=stream.partitions, replication_factor=1)])
    except TopicAlreadyExistsError:
        pass
    finally:
        await admin.close()

