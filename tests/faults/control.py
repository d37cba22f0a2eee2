"""Driving workers through faults: wait until one is ready, kill it, restart it, while outputs are counted."""

from __future__ import annotations

import asyncio
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from tests.integration.kafka_helpers import StreamEnv, WorkerProcess

READY = "[^Worker]: Ready"


class Worker(WorkerProcess):
    """A worker process whose log tells when it is ready (its log file is appended across restarts)."""

    def readies(self) -> int:
        return self.log().count(READY)

    def start(self) -> Worker:
        self._readies_before = self.readies() if self.log_path.exists() else 0
        super().start()
        return self

    async def ready(self, timeout: float = 120.0) -> None:
        """Wait until this run of the worker logged that it is ready."""
        deadline = time.monotonic() + timeout
        while self.readies() <= self._readies_before:
            if not self.alive():
                raise RuntimeError(f"{self.log_path.name} exited:\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.log_path.name} not ready after {timeout}s:\n{self.log()[-3000:]}")
            await asyncio.sleep(0.2)


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

