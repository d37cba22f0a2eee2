"""Every worker follows the companies topic and hands the core the watch-list as it is now.

The topic (``news.companies``, compacted, one partition, key = company id) is the watch-list's only
state: ``newsstream companies add/remove/import`` write to it, and each worker reads it from the beginning
with a plain consumer of its own (no group: every worker needs every record), so an addition reaches every
worker within a poll (about a second), and a restarted worker reads it whole again before its agents
enrich anything (:meth:`WatchListFeed.ready`). A GlobalTable would do the same with Faust's recovery
rules; a consumer keeps the topic an ordinary one that any client can write.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from .enrich.watchlist import EMPTY_WATCHLIST, WatchList
from .kafka_clients import aiokafka_options
from .settings import Settings

log = logging.getLogger(__name__)

POLL_MS = 500
RECENT_CHANGES = 20


class WatchListFeed:
    """The latest watch-list record per company id, and the :class:`WatchList` built from them."""

    def __init__(self) -> None:
        self.current: WatchList = EMPTY_WATCHLIST
        self.records: dict[str, dict[str, Any]] = {}
        self.recent: deque[dict[str, Any]] = deque(maxlen=RECENT_CHANGES)
        self.caught_up = False  # the topic was read to its end once

    def apply(self, key: bytes | None, value: bytes | None, *, at: float | None = None) -> None:
        """One record of the topic: an addition, a removal, or a tombstone that forgets the id."""
        if key is None:
            return
        company_id = key.decode("utf-8", "replace")
        if value is None:
            self.records.pop(company_id, None)
        else:
            try:
                record = orjson.loads(value)
            except orjson.JSONDecodeError:
                log.warning("companies topic: record %r is not JSON; ignored", company_id)
                return
            if not isinstance(record, dict) or (not record.get("removed") and not record.get("name")):
                log.warning("companies topic: record %r has neither a name nor removed=true; ignored", company_id)
                return
            self.records[company_id] = {**record, "id": company_id}
            change = "removed" if record.get("removed") else "added"
            self.recent.appendleft({"id": company_id, "change": change, "name": record.get("name"),
                                    "at": at if at is not None else time.time()})

    def rebuild(self) -> None:
        self.current = WatchList.from_records(self.records.values())

    async def ready(self, timeout: float = 60.0) -> bool:
        """Wait until the topic has been read to its end once (so the first articles see the watch-list)."""
        deadline = time.monotonic() + timeout
        while not self.caught_up:
            if time.monotonic() > deadline:
                log.warning("the companies topic was not read within %.0f s; enriching without the watch-list",
                            timeout)
                return False
            await asyncio.sleep(0.1)
        return True

    async def follow(self, cfg: Settings) -> None:
        """Read the topic from its beginning, then keep up with it, until cancelled."""
        while True:
            try:
                await self._follow_once(cfg)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("following %s: %s: %s; retrying", cfg.topic_companies, type(exc).__name__, exc)
                await asyncio.sleep(2.0)

    async def read_to_end(self, cfg: Settings) -> WatchList:
        """Read the topic once from its beginning to its end (the command line's view of the watch-list)."""
        consumer, ends = await _from_beginning(cfg)
        try:
            while not await at_end(consumer, ends):
                for messages in (await consumer.getmany(timeout_ms=POLL_MS)).values():
                    for message in messages:
                        self.apply(message.key, message.value, at=message.timestamp / 1000)
        finally:
            await consumer.stop()
        self.rebuild()
        return self.current

    async def _follow_once(self, cfg: Settings) -> None:
        consumer, ends = await _from_beginning(cfg)
        try:
            self.records.clear()
            caught_up = False
            while True:
                batches = await consumer.getmany(timeout_ms=POLL_MS)
                changed = False
                for messages in batches.values():
                    for message in messages:
                        self.apply(message.key, message.value, at=message.timestamp / 1000)
                        changed = True
                if not caught_up and await at_end(consumer, ends):
                    caught_up = changed = True
                if changed and caught_up:
                    self.rebuild()
                    self.caught_up = True
        finally:
            await consumer.stop()


async def _from_beginning(cfg: Settings) -> tuple[AIOKafkaConsumer, dict[TopicPartition, int]]:
    """A started consumer of every partition of the companies topic at its beginning, and their ends."""
    consumer = AIOKafkaConsumer(**aiokafka_options(cfg), group_id=None, enable_auto_commit=False,
                                isolation_level="read_committed")
    await consumer.start()
    try:
        partitions = [TopicPartition(cfg.topic_companies, p)
                      for p in sorted(consumer.partitions_for_topic(cfg.topic_companies) or {0})]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        return consumer, await consumer.end_offsets(partitions)
    except BaseException:
        await consumer.stop()
        raise


async def at_end(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return False
    return True
