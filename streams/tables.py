"""The app's Faust tables: learned source profiles (written before every commit) and story decisions.

The logic is plain Python in :mod:`streams.source_profiles`; this module only fits it to Faust. Profiles
are written when Faust is about to commit offsets (a sensor's ``on_commit_initiated``, which Faust calls
before it flushes the producer and commits), outside any event, so the table cannot take its changelog
partition from the current event as Faust's tables do: it takes the partition the source was read from.
"""

from __future__ import annotations

import logging
from typing import Any

import faust
from faust import stores
from faust.sensors import Sensor
from faust.stores.rocksdb import Store as RocksDBStore
from faust.streams import current_event
from faust.types import StoreT
from yarl import URL

from .enrich.stories import StoryIndex
from .source_profiles import SourceProfiles

log = logging.getLogger(__name__)

TABLE_NAME = "source-profiles-v2"  # v2: one value per source (v1 had one key per line fingerprint)
STORIES_TABLE = "stories"


class KeyPartitionedRocksDB(RocksDBStore):
    """Faust's RocksDB store, filing a write under the partition its table gives the key.

    Faust's store puts a write in the database of the current event's partition (and asserts that there is
    an event). The profiles and the cluster counters are written at commit time, outside any event, to the
    changelog partition of their table's ``partition_for_key``, and recovery looks for them there.
    """

    def __setitem__(self, key: Any, value: Any) -> None:
        partition = self.table.partition_for_key(key)
        raw_key = self._encode_key(key)
        self._key_index[raw_key] = partition
        self._db_for_partition(partition).put(raw_key, self._encode_value(value))


class WrittenOutsideEvents:
    """For a Faust table class written outside events: on RocksDB, its store is :class:`KeyPartitionedRocksDB`."""

    def _new_store_by_url(self: Any, url: str | URL) -> StoreT:
        store_class = stores.by_url(url)
        if issubclass(store_class, RocksDBStore):
            store_class = KeyPartitionedRocksDB
        return store_class(
            url, self.app, self, table_name=self.name, key_type=self.key_type, key_serializer=self.key_serializer,
            value_serializer=self.value_serializer, value_type=self.value_type, loop=self.loop, options=self.options,
        )


class ProfilesTable(WrittenOutsideEvents, faust.Table):
    """Source profiles, keyed by source; a key's changelog partition is its source's by-source partition."""

    profiles: SourceProfiles | None = None

    def partition_for_key(self, key: Any) -> int | None:
        partition = self.profiles.partition_of(key) if self.profiles is not None else None
        if partition is not None:
            return partition
        event = current_event()
        if event is None:
            raise TypeError(f"source {key!r} was not read from a partition of this worker")
        return event.message.partition


class FlushBeforeCommit(Sensor):
    """Writes the profiles counted since the last commit just before Faust commits offsets."""

    def __init__(self, profiles: SourceProfiles, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.profiles = profiles

    def on_commit_initiated(self, consumer: Any) -> Any:
        try:
            self.profiles.flush()
        except Exception:  # learned counts are a help, never a reason to stop committing
            log.exception("writing the source profiles failed")
        return None


def source_profiles(app: faust.App, partitions: int) -> SourceProfiles:
    """Declare the table on ``app`` and return the profiles that write it (flushed before every commit)."""
    table = app.tables.add(ProfilesTable(
        app, name=TABLE_NAME, default=None, key_type=str, value_type=None, partitions=partitions,
        beacon=app.tables.beacon,
        help="Per-source line counts and language counts learned from the stream (one value per source).",
    ))
    profiles = SourceProfiles(table)
    table.profiles = profiles
    app.sensors.add(FlushBeforeCommit(profiles))

    async def on_revoked(sender: Any, revoked: Any, **kwargs: Any) -> None:
        profiles.flush()
        profiles.forget()

    app.on_partitions_revoked.connect(on_revoked, weak=False)
    return profiles


def story_index(app: faust.App, retention_s: float, max_articles: int) -> StoryIndex:
    """Declare the story table (one partition, like the stories topic) and return the index over it.

    The index writes one entry per article inside the stories agent's event, as any Faust table write;
    its band index lives in memory, rebuilt from the table after a restart or a rebalance.
    """
    table = app.Table(
        STORIES_TABLE, default=None, key_type=str, value_type=None, partitions=1,
        help="Story decisions: article id -> sketch, story id, original, time (kept for the retention window).",
    )
    index = StoryIndex(table, retention_s=retention_s, max_articles=max_articles)

    async def on_revoked(sender: Any, revoked: Any, **kwargs: Any) -> None:
        index.forget()

    app.on_partitions_revoked.connect(on_revoked, weak=False)
    return index
