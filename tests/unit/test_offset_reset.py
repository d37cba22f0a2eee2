"""Uncommitted partitions of the app's source topics are read from the beginning after a seek."""

from __future__ import annotations

from aiokafka import TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

from streams import offset_reset
from streams.app import cfg


class FakeConsumer:
    def __init__(self, committed: dict) -> None:
        self.committed, self.to_beginning = committed, []

    async def seek_to_committed(self) -> dict:
        return self.committed

    async def seek_to_beginning(self, *partitions: TopicPartition) -> None:
        self.to_beginning.extend(partitions)


class FakeThread:
    def __init__(self, consumer: FakeConsumer) -> None:
        self.consumer = consumer

    def _ensure_consumer(self) -> FakeConsumer:
        return self.consumer

    async def call_thread(self, fun, *args):
        return await fun(*args)


async def test_uncommitted_source_partitions_go_to_the_beginning() -> None:
    raw0, raw1 = TopicPartition(cfg.topic_raw, 0), TopicPartition(cfg.topic_raw, 1)
    by_source = TopicPartition(cfg.topic_by_source, 2)
    changelog = TopicPartition(f"{cfg.app_id}-source-profiles-changelog", 0)
    consumer = FakeConsumer({raw0: 120, raw1: None, by_source: 0, changelog: None})
    committed = await AIOKafkaConsumerThread.seek_to_committed(FakeThread(consumer))
    assert committed == consumer.committed
    assert sorted(consumer.to_beginning) == sorted([raw1, by_source])


def test_install_is_idempotent() -> None:
    before = AIOKafkaConsumerThread.seek_to_committed
    offset_reset.install([cfg.topic_raw, cfg.topic_by_source])
    assert AIOKafkaConsumerThread.seek_to_committed.__wrapped__ is before.__wrapped__
