"""The Faust GlobalTable behind the cluster-wide counters (the logic is in :mod:`streams.web.counters`).

A GlobalTable because every worker must read every partition's entry. Its changelog has one partition and
every write goes there (:meth:`CountersTable.partition_for_key`), so writes never depend on the source
topics' partition counts nor on the producer's metadata; ``synchronize_all_active_partitions`` makes every
worker follow the whole changelog as a standby, and ``recovery_buffer_size=1`` is the setting Faust
recommends for a GlobalTable shared by several workers.
"""

from __future__ import annotations

import logging
from typing import Any

import faust
from faust.sensors import Sensor
from faust.tables.globaltable import GlobalTable

from ..tables import WrittenOutsideEvents
from .counters import PartitionCounters, aggregate
from .telemetry import worker_identity

log = logging.getLogger(__name__)

TABLE_NAME = "news-counters"


class CountersTable(WrittenOutsideEvents, GlobalTable):
    """A GlobalTable whose changelog is a single partition, written from any agent."""

    def partition_for_key(self, key: Any) -> int:
        return 0


def counters_table(app: faust.App) -> Any:
    return app.tables.add(CountersTable(
        app, name=TABLE_NAME, default=None, key_type=str, value_type=None, partitions=1,
        beacon=app.tables.beacon, is_global=True, synchronize_all_active_partitions=True,
        standby_buffer_size=1, recovery_buffer_size=1,
        help="Articles in / enriched / dead-lettered per source partition, one writer per key (web view).",
    ))


class ClusterCounters(PartitionCounters):
    """:class:`PartitionCounters` on the GlobalTable, written before every offset commit, forgetting
    ownership (after a last write) when partitions are revoked."""

    def __init__(self, app: faust.App, table: Any) -> None:
        super().__init__(table, "", write_through=False)
        self.app = app
        app.on_partitions_revoked.connect(self._on_revoked, weak=False)
        app.sensors.add(_FlushBeforeCommit(self))

    @property
    def writer(self) -> str:
        return worker_identity(self.app.conf.web_port)

    async def _on_revoked(self, app: Any, revoked: Any, **kwargs: Any) -> None:
        self.forget_ownership()

    def snapshot(self) -> dict[str, Any] | None:
        """Totals over every partition's entry, as this worker's copy of the table has them."""
        try:
            return aggregate(list(self.table.items()))
        except Exception:  # the table is not ready before the worker has started
            return None


class _FlushBeforeCommit(Sensor):
    def __init__(self, counters: PartitionCounters) -> None:
        super().__init__()
        self.counters = counters

    def on_commit_initiated(self, consumer: Any) -> Any:
        try:
            self.counters.flush()
        except Exception as exc:  # the console's counts must never stop a commit
            log.warning("cluster counters not written: %s: %s", type(exc).__name__, exc)
        return None
