"""The one object the agents report outcomes to: it feeds the page's recorder and the Prometheus series.

Kept apart from the agents so that each agent makes one call per outcome and knows nothing about how the
figures are shown; kept apart from the pages so that recording never imports the web server.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Mapping
from typing import Any

from ..pipeline import Outcome
from .metrics import ProjectMetrics
from .stats import StatsRecorder

log = logging.getLogger(__name__)


class Telemetry:
    """This worker's figures: the in-memory recorder, the Prometheus series, optional cluster counters."""

    def __init__(self, recorder: StatsRecorder | None = None, metrics: ProjectMetrics | None = None) -> None:
        self.recorder = recorder or StatsRecorder()
        self.metrics = metrics or ProjectMetrics()
        self.cluster: Any = None  # a streams.web.cluster.ClusterCounters once the app wires one in
        self._last_warning = -1e9

    def received(self, partition: int | None = None) -> None:
        """A raw message was taken from the raw topic (``partition`` of that topic)."""
        self.recorder.received()
        self.metrics.observe_received()
        if self.cluster is not None and partition is not None:
            self._guarded(self.cluster.received, partition)

    def outcome(
        self,
        outcome: Outcome,
        *,
        partition: int | None = None,
        seconds: float | None = None,
        steps: Mapping[str, float] | None = None,
        stage: str = "enrich",
    ) -> None:
        """An outcome was published: enriched record or dead letter, from the ``stage`` agent."""
        if outcome.dead:
            summary = self.recorder.dead_lettered(outcome.record, seconds=seconds, steps=steps)
            self.metrics.observe_dead(summary["error"], seconds, steps)
        else:
            summary = self.recorder.enriched(outcome.record, seconds=seconds, steps=steps)
            self.metrics.observe_enriched(summary["language"] or "und", seconds, steps)
        if self.cluster is not None and partition is not None:
            self._guarded(self.cluster.outcome, stage, partition, summary, dead=outcome.dead)

    def unreadable(self, topic: str, partition: int, first_offset: int, last_offset: int, reason: str) -> None:
        """A record batch of ``topic`` could not be unpacked; its dead letter is reported by :meth:`outcome`."""
        self.recorder.unreadable(topic, partition, first_offset, last_offset, reason)
        self.metrics.unreadable.labels(topic=topic).inc()

    def story(self, record: Mapping[str, Any]) -> None:
        """An enriched record with its story was published (by the worker that decides stories)."""
        self.recorder.story(record)

    def _guarded(self, write: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        """Cluster counters are for the console: a failure to write them is logged, never fatal to an agent."""
        try:
            write(*args, **kwargs)
        except Exception as exc:
            now = time.monotonic()
            if now - self._last_warning > 60:
                self._last_warning = now
                log.warning("cluster counters not updated: %s: %s", type(exc).__name__, exc)


def worker_identity(web_port: int | None) -> str:
    """How this worker is named on the page and in the JSON: host, process id and web port."""
    port = f":{web_port}" if web_port else ""
    return f"{socket.gethostname()}/{os.getpid()}{port}"


#: The process's telemetry: one Faust app (one worker) per process.
telemetry = Telemetry()
