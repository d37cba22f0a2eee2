"""Whether a raw article can be enriched where it was read, without its copy through news.by-source.

The by-source hop exists so that all of a source's learned counts live on one partition, owned by one
worker. A raw record already sits where its copy would go when its raw partition is the one the by-source
copy would be sent to (the producer's murmur2 partitioner on the source key, as Java clients and aiokafka
use for keyed records) and this worker owns that by-source partition. Then the source's profile is on this
worker (Faust assigns topics and table changelogs with the same partition count and subscribers together,
faust/assignor/partition_assignor.py), and the hop would only move the same bytes back to the same worker:
one produce, one fetch, one decode and, for a 160 KB page, a compression and a decompression.

A publisher that keys its records by ``source`` (``newsstream publish`` does) skips the hop for every
article; one keyed by article id skips it for the articles that land on their source's partition by chance.
Under ``exactly_once`` the hop is always taken: a table write made outside an event (the profiles, written at
commit time) joins the transaction of its own partition's group, which commits with the offsets of that
group's topics; the raw topic may be in another group.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from aiokafka.partitioner import DefaultPartitioner

_PARTITIONER = DefaultPartitioner()  # the worker's producer's (Faust sets no other), murmur2 like Java's


@lru_cache(maxsize=65_536)
def keyed_partition(key: bytes, partitions: int) -> int:
    """The partition a keyed record goes to with the default partitioner (aiokafka's and Java's)."""
    return _PARTITIONER(key, list(range(partitions)), [])


class SourceRouting:
    """The by-source partitions this worker owns now, kept current by the app's rebalance signals."""

    def __init__(self, by_source_topic: str, *, enabled: bool = True) -> None:
        self.by_source_topic = by_source_topic
        self.enabled = enabled
        self.partitions = 0  # of the by-source topic, as the group's metadata said at the last assignment
        self._owned: frozenset[int] = frozenset()

    def assigned(self, assignment: Iterable[object], partitions: int | None) -> None:
        """After a rebalance: ``assignment`` is the worker's whole new set of topic partitions, ``partitions``
        the by-source topic's partition count in the cluster (not the setting: a topic that existed before
        keeps its own count, and the producer's partitioner uses that one). Unknown: every article takes the
        hop until the next assignment."""
        self.partitions = partitions or 0
        owned = (tp.partition for tp in assignment if tp.topic == self.by_source_topic)  # type: ignore[attr-defined]
        self._owned = frozenset(owned) if self.partitions else frozenset()

    def revoked(self) -> None:
        """Before partitions move: until the next assignment every article takes the hop."""
        self._owned = frozenset()

    def enrich_here(self, source_key: bytes, raw_partition: int) -> bool:
        """True when the article read from ``raw_partition`` would come back to this worker's same partition."""
        return (
            self.enabled
            and raw_partition in self._owned
            and keyed_partition(source_key, self.partitions) == raw_partition
        )
